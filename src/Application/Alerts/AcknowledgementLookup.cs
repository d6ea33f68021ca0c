using NodaTime;
using Scheduler.Domain.Alerts;
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
        return _byMilestone.Contains(milestoneKey)
            ? Holding(milestoneKey, new Milestone
            {
                Rule = milestone.Rule,
                Sequence = milestone.Sequence,
                Cycle = milestone.Cycle,
                Step = milestone.Step,
                Title = milestone.Title,
                Group = milestone.Group,
                Earliest = milestone.Earliest,
                Due = milestone.Due,
                Effective = milestone.Effective,
                Status = milestone.Status,
                Met = milestone.Met,
                Audience = milestone.Audience,
                Informational = milestone.Informational,
                Source = string.Empty,
            })
            : null;
    }

    /// <summary>The milestone key of one of a subject's milestones.</summary>
    public static string KeyOf(SubjectKind kind, string subjectId, Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return MilestoneKeys.For(kind, subjectId, milestone.Rule, milestone.Cycle, milestone.Sequence, milestone.Step);
    }
}
