using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Scheduler.Domain.Children;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Oversight;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.Subjects;

/// <summary>
/// Rebuilds a subject's facts from its stored base facts and recorded events, optionally applies one new event
/// (validated against today: nothing that "has happened" may be dated in the future), and computes its milestones.
/// </summary>
public static class SubjectCalculator
{
    /// <summary>The subject's milestones for <paramref name="today"/>, with <paramref name="newEvent"/> added to the recorded ones (in any order).</summary>
    public static IReadOnlyList<Milestone> Compute(SubjectRecord subject, AuthorityContext context, LocalDate today, EventInput? newEvent = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(context);
        return subject.Kind == SubjectKind.Episode
            ? ComputeEpisode(subject, context, today, newEvent)
            : ComputeCase(subject, context, today, newEvent);
    }

    /// <summary>Base facts of an episode as stored: framework and report dates.</summary>
    public static JsonElement EpisodeFacts(string framework, LocalDate reportReceived, LocalDate? reportPublished) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, string?>
        {
            ["framework"] = framework,
            ["report_received"] = LocalDatePattern.Iso.Format(reportReceived),
            ["report_published"] = reportPublished is { } p ? LocalDatePattern.Iso.Format(p) : null,
        });

    /// <summary>Base facts of a case as stored: its type only (everything else comes from events).</summary>
    public static JsonElement CaseFacts(CaseType type) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["type"] = CaseTypes.Name(type) });

    /// <summary>
    /// The episode's facts from every recorded event in any order, and <paramref name="newEvent"/> if given (checked
    /// against every recorded event and <paramref name="today"/>).
    /// </summary>
    public static OversightFacts EpisodeFactsOf(SubjectRecord subject, AuthorityContext context, EventInput? newEvent = null, LocalDate? today = null)
    {
        var facts = new OversightFacts
        {
            Framework = subject.Facts.GetProperty("framework").GetString() ?? RuleSets.DefaultId,
            ReportReceived = Date(subject.Facts, "report_received") ?? throw new InvalidDataException($"Episode {subject.Id} has no report_received."),
            ReportPublished = Date(subject.Facts, "report_published"),
        };
        var recorded = subject.Events.Select(e => EventInput.FromStored(e.Payload).ToOversightEvent()).ToList();
        return newEvent is null
            ? OversightFacts.FromEvents(facts, recorded, context.Statutory)
            : OversightFacts.FromEvents(facts, recorded, newEvent.ToOversightEvent(), context.Statutory, today);
    }

    /// <summary>
    /// The case's facts from every recorded event in any order, and <paramref name="newEvent"/> if given (checked
    /// against every recorded event and <paramref name="today"/>).
    /// </summary>
    public static ChildCaseFacts CaseFactsOf(SubjectRecord subject, AuthorityContext context, EventInput? newEvent = null, LocalDate? today = null)
    {
        var facts = CaseBaseFacts(subject);
        var recorded = subject.Events.Select(e => EventInput.FromStored(e.Payload).ToChildCaseEvent()).ToList();
        return newEvent is null
            ? ChildCaseFacts.FromEvents(facts, recorded, context.Statutory)
            : ChildCaseFacts.FromEvents(facts, recorded, newEvent.ToChildCaseEvent(), context.Statutory, today);
    }

    /// <summary>A stored case's reference and type, the facts its events are folded onto.</summary>
    public static ChildCaseFacts CaseBaseFacts(SubjectRecord subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var type = CaseTypes.Parse(subject.Facts.GetProperty("type").GetString()) ?? throw new InvalidDataException($"Case {subject.Id} has no type.");
        return new ChildCaseFacts { CaseReference = subject.Id, Type = type };
    }

    private static IReadOnlyList<Milestone> ComputeEpisode(SubjectRecord subject, AuthorityContext context, LocalDate today, EventInput? newEvent)
    {
        var facts = EpisodeFactsOf(subject, context, newEvent, today);
        facts.EnsureValid(context.Statutory);
        return OversightCalendar.Compute(facts, context.Parameters, context.Statutory, context.Local, today);
    }

    private static IReadOnlyList<Milestone> ComputeCase(SubjectRecord subject, AuthorityContext context, LocalDate today, EventInput? newEvent)
    {
        var facts = CaseFactsOf(subject, context, newEvent, today);
        facts.EnsureValid(context.Statutory);
        return ChildCaseCalendar.Compute(facts, context.Parameters, context.Statutory, context.Local, today);
    }

    private static LocalDate? Date(JsonElement facts, string name) =>
        facts.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? LocalDatePattern.Iso.Parse(value.GetString()!).GetValueOrThrow()
            : null;
}
