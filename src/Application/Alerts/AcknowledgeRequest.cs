using System.Text.Json;
using NodaTime;

namespace Scheduler.Application.Alerts;

/// <summary>The body of <c>POST /api/authorities/{code}/alerts/{key}/acknowledge</c>.</summary>
/// <param name="Reason">Why the alert is held back, at most 1000 characters (no personal data: a case reference, not a name).</param>
/// <param name="Expires">The last day (yyyy-MM-dd) the acknowledgement holds; today or later. Null: until the milestone closes.</param>
public sealed record AcknowledgeRequest(string Reason, LocalDate? Expires = null)
{
    /// <summary>The fields, for error messages.</summary>
    public const string Fields = "reason, expires";

    /// <summary>Reads and checks the body; errors name the field.</summary>
    public static AcknowledgeRequest Parse(JsonElement body)
    {
        var r = new StrictObject(body);
        var request = new AcknowledgeRequest(r.RequiredString("reason", 1000), r.OptionalDate("expires"));
        r.RejectUnknown(Fields);
        return request;
    }
}
