using Scheduler.Domain.Validation;

namespace Scheduler.Domain.Events;

/// <summary>
/// What turning one subject's events into facts needs, for episodes and cases alike: the date-order rules, the
/// facts' own dated facts, the checks of an event's other fields, the fold of one event into the facts, and the
/// fixed order of event types on the same day.
/// </summary>
internal sealed record EventModel<TFacts, TEvent>(
    OrderRules Order,
    IReadOnlyList<string> SameDayPrecedence,
    Func<TFacts, IEnumerable<DatedFact>> DatedFacts,
    Func<TFacts, TEvent, IEnumerable<ValidationError>> FieldErrors,
    Func<TFacts, TEvent, TFacts> Fold)
    where TEvent : DomainEvent;
