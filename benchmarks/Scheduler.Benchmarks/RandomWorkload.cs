using NodaTime;

namespace Scheduler.Benchmarks;

/// <summary>Reproducible random (date, offset) pairs: dates 1995–2035, offsets −250..250, fixed seed.</summary>
public sealed class RandomWorkload
{
    /// <summary>The seed every run uses, so fast and naive see the same inputs in every process.</summary>
    public const int Seed = 20170904;

    private static readonly LocalDate First = new(1995, 1, 1);
    private static readonly LocalDate Last = new(2035, 12, 31);

    private RandomWorkload(LocalDate[] dates, int[] offsets, LocalDate[] ends)
    {
        Dates = dates;
        Offsets = offsets;
        Ends = ends;
    }

    public LocalDate[] Dates { get; }

    public int[] Offsets { get; }

    /// <summary>A second random date per pair, for WorkingDaysBetween (within ±365 days of the first).</summary>
    public LocalDate[] Ends { get; }

    /// <summary>Generates <paramref name="count"/> pairs.</summary>
    public static RandomWorkload Create(int count, int seed = Seed)
    {
        var random = new Random(seed);
        var span = Period.DaysBetween(First, Last) + 1;
        var dates = new LocalDate[count];
        var offsets = new int[count];
        var ends = new LocalDate[count];
        for (var i = 0; i < count; i++)
        {
            dates[i] = First.PlusDays(random.Next(span));
            offsets[i] = random.Next(-250, 251);
            ends[i] = dates[i].PlusDays(random.Next(-365, 366));
        }

        return new RandomWorkload(dates, offsets, ends);
    }
}
