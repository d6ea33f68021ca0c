using System.Collections.Frozen;
using Scheduler.Domain.Children;
using Scheduler.Domain.Oversight;

namespace Scheduler.Domain.Events;

/// <summary>The kinds of value an event field holds on the wire.</summary>
public enum EventFieldKind
{
    /// <summary>A <c>yyyy-MM-dd</c> date.</summary>
    Date,

    /// <summary>One of a fixed list of snake_case words (<see cref="EventField.Choices"/>).</summary>
    Choice,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number of months, one of <see cref="EventField.Choices"/>.</summary>
    Months,

    /// <summary>A milestone key, <c>rule/cycle/sequence[/step]</c>.</summary>
    MilestoneKey,
}

/// <summary>One field an event type takes: its wire name, the kind of value, whether it is required and, for choices, the values.</summary>
public sealed record EventField(string Name, EventFieldKind Kind, bool Required, IReadOnlyList<string> Choices)
{
    /// <summary>A required field without a list of values.</summary>
    public static EventField RequiredOf(string name, EventFieldKind kind) => new(name, kind, true, []);
}

/// <summary>
/// The fields each event type takes, as data: every type has <c>date</c>; five types take one or two more (the
/// intervention route, the re-inspection judgement, the placement kind and whether the child agrees to fewer
/// visits, the months to the next health assessment, and the key of a milestone marked done). A field not listed
/// for a type is refused at the edge, so no free text rides along on an event (docs/api.md, "Event fields").
/// </summary>
public static class EventFields
{
    /// <summary>The field every event has.</summary>
    public static EventField Date { get; } = EventField.RequiredOf("date", EventFieldKind.Date);

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<EventField>> Extra = new Dictionary<string, IReadOnlyList<EventField>>(StringComparer.Ordinal)
    {
        [EventTypes.InterventionRouteRecorded] = [new("route", EventFieldKind.Choice, true, WireNames<InterventionRoute>())],
        [EventTypes.ReinspectionOutcome] = [new("judgement", EventFieldKind.Choice, true, WireNames<Judgement>())],
        [EventTypes.PlacementStarted] =
        [
            new("kind", EventFieldKind.Choice, true, WireNames<PlacementKind>()),
            new("child_agrees", EventFieldKind.Boolean, false, []),
        ],
        [EventTypes.HealthAssessmentHeld] = [new("interval_months", EventFieldKind.Months, true, ["6", "12"])],
        [EventTypes.MilestoneCompleted] = [EventField.RequiredOf("milestone", EventFieldKind.MilestoneKey)],
    };

    /// <summary>Every event type, oversight and child case (<c>milestone_completed</c> is both).</summary>
    public static IReadOnlyList<string> Types { get; } = [.. EventTypes.Oversight.Concat(EventTypes.ChildCase).Distinct(StringComparer.Ordinal)];

    // Every event read (from the API, the queue or a stored row) asks for its type's fields: built once, not per event.
    // Declared after Date, Extra and Types, which static initialisation needs first.
    private static readonly FrozenDictionary<string, IReadOnlyList<EventField>> ByType = Types.ToFrozenDictionary(
        t => t,
        t => (IReadOnlyList<EventField>)(Extra.TryGetValue(t, out var extra) ? [Date, .. extra] : [Date]),
        StringComparer.Ordinal);

    /// <summary>Whether <paramref name="type"/> is an event type of either kind of subject.</summary>
    public static bool IsType(string type) => type is not null && ByType.ContainsKey(type);

    /// <summary>The fields of <paramref name="type"/> after <c>id</c> and <c>type</c>: <c>date</c> first; empty for an unknown type.</summary>
    public static IReadOnlyList<EventField> For(string type) => type is not null && ByType.TryGetValue(type, out var fields) ? fields : [];

    private static string[] WireNames<TEnum>()
        where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => EventFactory.WireName(v))];
}
