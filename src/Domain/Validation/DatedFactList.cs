using NodaTime;

namespace Scheduler.Domain.Validation;

/// <summary>Collects a subject's facts as <see cref="DatedFact"/>s, skipping dates not recorded.</summary>
internal sealed class DatedFactList : List<DatedFact>
{
    /// <summary>A single date, named by its field.</summary>
    public DatedFactList One(string kind, string field, LocalDate? date)
    {
        if (date is { } d)
        {
            Add(new(kind, d, field));
        }

        return this;
    }

    /// <summary>A list of dates, each named <c>field[i]</c>.</summary>
    public DatedFactList Many(string kind, string field, IReadOnlyList<LocalDate> dates)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            Add(new(kind, dates[i], $"{field}[{i}]"));
        }

        return this;
    }
}
