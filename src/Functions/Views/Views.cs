using System.Text.Json;
using NodaTime;

namespace Scheduler.Functions.Views;

/// <summary>An authority as the API returns it.</summary>
public sealed record AuthorityView(
    string Code,
    string Name,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Contacts,
    JsonElement? Parameters,
    IReadOnlyList<LocalDate> ClosureDays,
    JsonElement? EscalationPolicy,
    long Version,
    Instant CreatedAt,
    Instant UpdatedAt)
{
    /// <summary>Maps a stored authority.</summary>
    public static AuthorityView From(AuthorityRecord a) => new(
        a.Code, a.Name, a.Contacts.ToDictionary(p => p.Key.ToString(), p => p.Value), a.Parameters, a.ClosureDays, a.EscalationPolicy, a.Version, a.CreatedAt, a.UpdatedAt);
}

/// <summary>A recorded event: its id, the payload as accepted, who recorded it and when.</summary>
public sealed record EventView(string Id, JsonElement Event, Instant RecordedAt, string RecordedBy)
{
    /// <summary>Maps a recorded event.</summary>
    public static EventView From(RecordedEvent e) => new(e.Id, e.Payload, e.RecordedAt, e.RecordedBy);
}

/// <summary>An oversight episode with its calendar.</summary>
public sealed record EpisodeView(
    string Id,
    string Authority,
    string Framework,
    LocalDate ReportReceived,
    LocalDate? ReportPublished,
    IReadOnlyList<EventView> Events,
    long Version,
    Instant CreatedAt,
    Instant UpdatedAt,
    IReadOnlyList<ApiMilestoneJson> Milestones)
{
    /// <summary>Maps a subject view; each milestone carries its key and the acknowledgement holding it.</summary>
    public static EpisodeView From(SubjectView view, AcknowledgementLookup acknowledgements)
    {
        var s = view.Subject;
        var received = NodaTime.Text.LocalDatePattern.Iso.Parse(s.Facts.GetProperty("report_received").GetString()!).Value;
        LocalDate? published = s.Facts.TryGetProperty("report_published", out var p) && p.ValueKind == JsonValueKind.String
            ? NodaTime.Text.LocalDatePattern.Iso.Parse(p.GetString()!).Value
            : null;
        return new(s.Id, s.Authority, s.Variant, received, published, [.. s.Events.Select(EventView.From)], s.Version, s.CreatedAt, s.UpdatedAt,
            MilestoneViews.From(view, acknowledgements));
    }
}

/// <summary>A child's case (case reference only) with its due dates.</summary>
public sealed record CaseView(
    string CaseRef,
    string Authority,
    string Type,
    IReadOnlyDictionary<string, string> Assignees,
    IReadOnlyList<EventView> Events,
    long Version,
    Instant CreatedAt,
    Instant UpdatedAt,
    IReadOnlyList<ApiMilestoneJson> Milestones)
{
    /// <summary>Maps a subject view; each milestone carries its key and the acknowledgement holding it.</summary>
    public static CaseView From(SubjectView view, AcknowledgementLookup acknowledgements)
    {
        var s = view.Subject;
        return new(s.Id, s.Authority, s.Variant, s.Assignees.ToDictionary(p => p.Key.ToString(), p => p.Value), [.. s.Events.Select(EventView.From)],
            s.Version, s.CreatedAt, s.UpdatedAt, MilestoneViews.From(view, acknowledgements));
    }
}
