using NodaTime;

namespace Scheduler.Application.Subjects;

/// <summary>
/// An event as <c>POST …/events</c>, the <c>events</c> of a creation and the queue envelope's <c>event</c> take it
/// (<see cref="EventInput.Parse"/> reads it): the documented shape. Which fields a type needs is in docs/rules.md.
/// </summary>
/// <param name="Type">The event type, for example <c>icpc_held</c> or <c>monitoring_visit_held</c>.</param>
/// <param name="Id">The idempotency key: letters, digits, '.', '_', ':' and '-', at most 128. Without it the API makes one.</param>
/// <param name="Date">The day it happened (yyyy-MM-dd, 1990–2040; not after today).</param>
/// <param name="Judgement">Inspection outcomes: the judgement (for example <c>inadequate</c>).</param>
/// <param name="Route">DfE intervention: the route taken.</param>
/// <param name="Kind">Placements: the kind of placement (for example <c>standard</c>).</param>
/// <param name="ChildAgrees">Health assessments: whether the child agrees.</param>
/// <param name="IntervalMonths">Health assessments: the interval in months.</param>
/// <param name="Milestone">Events that close a named milestone: its rule id.</param>
public sealed record EventRequest(
    string Type,
    string? Id = null,
    LocalDate? Date = null,
    string? Judgement = null,
    string? Route = null,
    string? Kind = null,
    bool? ChildAgrees = null,
    int? IntervalMonths = null,
    string? Milestone = null);
