using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Scheduler.Domain.Calendar;

namespace Scheduler.Domain.Tests.Calendar;

public sealed class WorkingDayPropertyTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static readonly LocalDate First = new(1993, 1, 1);

    // Dates 1993–2036 and offsets ±600 (about 2.4 years) keep every result inside the 1990–2040 calendar.
    private static readonly Arbitrary<(LocalDate Date, int Days)> Cases =
        (from day in Gen.Choose(0, 16_000)
         from n in Gen.Choose(-600, 600)
         select (First.PlusDays(day), n)).ToArbitrary();

    [Fact]
    public void Adding_working_days_lands_on_a_working_day()
    {
        Prop.ForAll(Cases, c => c.Days == 0 || Calendar.IsWorkingDay(Calendar.AddWorkingDays(c.Date, c.Days)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Counting_undoes_adding()
    {
        Prop.ForAll(Cases, c =>
        {
            var result = Calendar.AddWorkingDays(c.Date, c.Days);
            // Backwards from a non-working day, the count to the start day differs by that day, so compare
            // against the day the count anchors on.
            return c.Days >= 0 || Calendar.IsWorkingDay(c.Date)
                ? Calendar.WorkingDaysBetween(c.Date, result) == c.Days
                : Calendar.WorkingDaysBetween(c.Date, result) == c.Days + 1;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Adding_is_strictly_monotonic_in_the_count()
    {
        Prop.ForAll(Cases, c =>
            Calendar.AddWorkingDays(c.Date, c.Days) < Calendar.AddWorkingDays(c.Date, c.Days + 1))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Agrees_with_stepping_one_day_at_a_time()
    {
        Prop.ForAll(Cases, c =>
        {
            var step = c.Days >= 0 ? 1 : -1;
            var remaining = Math.Abs(c.Days);
            var date = c.Date;
            while (remaining > 0)
            {
                date = date.PlusDays(step);
                var weekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
                if (!weekend && !IsHoliday(date))
                {
                    remaining--;
                }
            }

            return Calendar.AddWorkingDays(c.Date, c.Days) == date;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Previous_and_next_working_day_bracket_the_date()
    {
        Prop.ForAll(Cases, c =>
        {
            var previous = Calendar.PreviousWorkingDayOnOrBefore(c.Date);
            var next = Calendar.NextWorkingDayOnOrAfter(c.Date);
            return previous <= c.Date && c.Date <= next
                && Calendar.IsWorkingDay(previous) && Calendar.IsWorkingDay(next)
                && (Calendar.IsWorkingDay(c.Date) ? previous == next : Calendar.WorkingDaysBetween(previous, next) == 1);
        }).QuickCheckThrowOnFailure();
    }

    private static bool IsHoliday(LocalDate date) =>
        SpecHolidayTable.ByYear.TryGetValue(date.Year, out _)
            ? SpecHolidayTable.Dates(date.Year).Contains(date)
            : BankHolidayTable.Default.Between(date.Year, date.Year).Any(h => h.Date == date);
}
