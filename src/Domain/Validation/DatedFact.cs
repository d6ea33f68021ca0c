using NodaTime;

namespace Scheduler.Domain.Validation;

/// <summary>
/// One dated fact of an episode or case as the date-order rules see it: its kind (an event type, or a base fact
/// such as <c>report_received</c>), its date, the facts field it sits in, and the recorded event it came from
/// (<see cref="Base"/> when it came from the facts themselves).
/// </summary>
internal readonly record struct DatedFact(string Kind, LocalDate Date, string Field, int Event = DatedFact.Base)
{
    /// <summary>The <see cref="Event"/> of a fact held in the facts rather than given as an event.</summary>
    public const int Base = -1;
}
