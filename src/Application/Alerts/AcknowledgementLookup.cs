using NodaTime;
using Scheduler.Domain.Milestones;

namespace Scheduler.Application.Alerts;

/// <summary>
/// One authority's acknowledgements on one day, for views: the milestone key of each milestone shown and the
/// acknowledgement holding it that day (who, when, why, until when), or null. Acknowledging never hides an item.
/// </summary>
public sealed class AcknowledgementLookup
{
    private readonly ILookup<string, AcknowledgementRecord> _byMilestone;

    /// <summary>A lookup over <paramref name="records"/> on <paramref name="today"/>.</summary>
    public AcknowledgementLookup(IEnumerable<AcknowledgementRecord> records, LocalDate today)
    {
        _byMilestone = records.ToLookup(r => r.MilestoneKey, StringComparer.Ordinal);
        Today = today;
    }

    /// <summary>The day the lookup answers for.</summary>
    public LocalDate Today { get; }

    /// <summary>The acknowledgement holding the milestone <paramref name="milestoneKey"/> today, or null.</summary>
    public AcknowledgementRecord? Holding(string milestoneKey, Milestone milestone) =>
        _byMilestone.Contains(milestoneKey) ? AcknowledgementService.Holding(_byMilestone[milestoneKey], milestoneKey, milestone, Today) : null;

    /// <summary>The same for a materialised milestone (work lists).</summary>
    public AcknowledgementRecord? Holding(string milestoneKey, StoredMilestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return _byMilestone.Contains(milestoneKey) ? Holding(milestoneKey, milestone.ToMilestone()) : null;
    }
}
