using System.Text.Json;
using NodaTime;

namespace Scheduler.Application.Alerts;

/// <summary>The body of <c>POST /api/authorities/{code}/milestones/{milestone_key}/acknowledge</c>.</summary>
/// <param name="Reason">Why nobody needs chasing, at most 1000 characters (no personal data: a case reference, not a name).</param>
/// <param name="Until">The last day (yyyy-MM-dd) it holds; today or later. Null: until the milestone is met or its due date changes.</param>
public sealed record AcknowledgeMilestoneRequest(string Reason, LocalDate? Until = null)
{
    /// <summary>Reads and checks the body; errors name the field.</summary>
    public static AcknowledgeMilestoneRequest Parse(JsonElement body)
    {
        var r = new StrictObject(body);
        var request = new AcknowledgeMilestoneRequest(r.RequiredString("reason", AcknowledgementService.MaxReasonLength), r.OptionalDate("until"));
        r.RejectUnknown("reason, until");
        return request;
    }
}

/// <summary>The body of the deprecated <c>POST /api/authorities/{code}/alerts/{key}/acknowledge</c>: <c>until</c>, or its old name <c>expires</c>.</summary>
/// <param name="Reason">Why nobody needs chasing, at most 1000 characters.</param>
/// <param name="Until">The last day (yyyy-MM-dd) it holds; today or later.</param>
/// <param name="Expires">The old name of <paramref name="Until"/>, still read by this route.</param>
public sealed record AcknowledgeRequest(string Reason, LocalDate? Until = null, LocalDate? Expires = null)
{
    /// <summary>Reads and checks the body; errors name the field.</summary>
    public static AcknowledgeRequest Parse(JsonElement body)
    {
        var r = new StrictObject(body);
        var request = new AcknowledgeRequest(r.RequiredString("reason", AcknowledgementService.MaxReasonLength), r.OptionalDate("until"), r.OptionalDate("expires"));
        r.RejectUnknown("reason, until, expires");
        return request;
    }

    /// <summary>The same acknowledgement in the successor route's terms.</summary>
    public AcknowledgeMilestoneRequest ToMilestoneRequest() => new(Reason, Until ?? Expires);
}
