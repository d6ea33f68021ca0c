using NodaTime;

namespace Scheduler.Domain.Calendar;

/// <summary>
/// One-off changes to the England and Wales bank holidays, made by royal proclamation. They cannot be
/// derived from the standing rules, so they are kept as data (a new one is a data change, or an import).
/// </summary>
public static class OneOffBankHolidayChanges
{
    /// <summary>A standing holiday moved to another date.</summary>
    public sealed record Move(LocalDate From, LocalDate To, string Name);

    /// <summary>The moves, keyed by the standard date they replace.</summary>
    public static IReadOnlyList<Move> Moves { get; } =
    [
        new(new LocalDate(1995, 5, 1), new LocalDate(1995, 5, 8), "Early May bank holiday (VE day)"),
        new(new LocalDate(2002, 5, 27), new LocalDate(2002, 6, 4), "Spring bank holiday"),
        new(new LocalDate(2012, 5, 28), new LocalDate(2012, 6, 4), "Spring bank holiday"),
        new(new LocalDate(2020, 5, 4), new LocalDate(2020, 5, 8), "Early May bank holiday (VE day)"),
        new(new LocalDate(2022, 5, 30), new LocalDate(2022, 6, 2), "Spring bank holiday"),
    ];

    /// <summary>Extra days that exist only in their year.</summary>
    public static IReadOnlyList<BankHoliday> Extras { get; } =
    [
        new(new LocalDate(1999, 12, 31), "Millennium Eve"),
        new(new LocalDate(2002, 6, 3), "Golden Jubilee of Queen Elizabeth II"),
        new(new LocalDate(2011, 4, 29), "Wedding of Prince William and Catherine Middleton"),
        new(new LocalDate(2012, 6, 5), "Diamond Jubilee of Queen Elizabeth II"),
        new(new LocalDate(2022, 6, 3), "Platinum Jubilee of Queen Elizabeth II"),
        new(new LocalDate(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
        new(new LocalDate(2023, 5, 8), "Coronation of King Charles III"),
    ];
}
