using NodaTime;
using Scheduler.Domain.Calendar;

namespace Scheduler.Contracts;

/// <summary>The wire shape of a bank holiday: <c>{"date":"2012-01-02","name":"New Year's Day (substitute)"}</c>.</summary>
public sealed record HolidayJson(LocalDate Date, string Name)
{
    /// <summary>Maps a domain bank holiday.</summary>
    public static HolidayJson From(BankHoliday holiday)
    {
        ArgumentNullException.ThrowIfNull(holiday);
        return new(holiday.Date, holiday.Name);
    }
}
