using NodaTime;
using Scheduler.Domain.Rules;

namespace Scheduler.Benchmarks.Baseline;

/// <summary><see cref="RuleOffset.ApplyTo"/> on the baseline calendar, for the frozen copies.</summary>
internal static class BaselineOffsets
{
    /// <summary>The same arithmetic as <see cref="RuleOffset.ApplyTo"/> at commit f651066.</summary>
    public static LocalDate ApplyTo(this RuleOffset offset, LocalDate trigger, BaselineWorkingDayCalendar calendar) => offset.Unit switch
    {
        OffsetUnit.WorkingDays => calendar.AddWorkingDays(trigger, offset.Amount),
        OffsetUnit.CalendarDays => trigger.PlusDays(offset.Amount),
        OffsetUnit.Weeks => trigger.PlusDays(offset.Amount * 7),
        OffsetUnit.Months => trigger.PlusMonths(offset.Amount),
        OffsetUnit.Years => trigger.PlusYears(offset.Amount),
        _ => throw new ArgumentOutOfRangeException(nameof(offset), offset.Unit, "Unknown offset unit."),
    };
}
