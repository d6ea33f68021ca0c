using NodaTime;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;

namespace Scheduler.Benchmarks.Baseline;

/// <summary>
/// A frozen copy of the rules engine's <c>MilestoneContext</c> as it was before the performance work (commit
/// f651066): each milestone is built, then copied with <c>with</c> for its status. Kept only as the baseline that
/// <c>timelines --quick</c> times side by side with the current code and compares output with.
/// </summary>
internal sealed class BaselineMilestoneContext
{
    private static readonly IReadOnlyDictionary<string, LocalDate> NoCompletions = new Dictionary<string, LocalDate>();

    public BaselineMilestoneContext(
        AuthorityParameters parameters,
        BaselineWorkingDayCalendar statutory,
        BaselineWorkingDayCalendar local,
        LocalDate today,
        IReadOnlyDictionary<string, LocalDate>? completed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(statutory);
        ArgumentNullException.ThrowIfNull(local);
        Parameters = parameters;
        Statutory = statutory;
        Local = local;
        Today = today;
        HorizonEnd = today.PlusYears(parameters.HorizonYears);
        Completed = completed is { Count: > 0 } ? completed : NoCompletions;
    }

    public AuthorityParameters Parameters { get; }

    public BaselineWorkingDayCalendar Statutory { get; }

    public BaselineWorkingDayCalendar Local { get; }

    public LocalDate Today { get; }

    /// <summary>The last date a repeating rule produces an unmet occurrence for.</summary>
    public LocalDate HorizonEnd { get; }

    public IReadOnlyDictionary<string, LocalDate> Completed { get; }

    /// <summary>Statutory rules always count on the statutory calendar; only parameter rules the authority marks use its own.</summary>
    public BaselineWorkingDayCalendar CalendarFor(RuleDefinition rule) =>
        rule.IsParameter && Parameters.UsesLocalCalendar(rule.Id) ? Local : Statutory;

    /// <summary>The rule's first offset after the authority's parameters and overrides.</summary>
    public RuleOffset OffsetFor(RuleDefinition rule)
    {
        if (rule.IsParameter && rule.RepeatInterval is null && Parameters.OffsetOverrides.Count != 0
            && Parameters.OffsetOverrides.TryGetValue(rule.Id, out var overridden))
        {
            return overridden;
        }

        var p = Parameters;
        return rule.Id switch
        {
            RuleIds.CpPlanVisits => RuleOffset.WorkingDays(p.CpVisitIntervalWorkingDays),
            RuleIds.CoreGroup => RuleOffset.WorkingDays(p.CoreGroupFirstWorkingDays),
            RuleIds.StrategyDiscussion => RuleOffset.WorkingDays(p.StrategyDiscussionLimitWorkingDays ?? 0),
            RuleIds.IroAppointment => RuleOffset.WorkingDays(p.IroAppointmentWorkingDays),
            RuleIds.ImprovementBoardMonthly => RuleOffset.Months(p.ImprovementBoardIntervalMonths),
            RuleIds.InterimArrangementExpiry => RuleOffset.Months(p.InterimArrangementMonths),
            RuleIds.TransitionalActionPlanPeriod => RuleOffset.Months(p.TransitionalPlanMonths),
            RuleIds.ImprovementPlanHorizon => RuleOffset.Years(p.ImprovementPlanHorizonYears),
            _ => rule.Offset ?? throw new InvalidOperationException($"Rule '{rule.Id}' computes no date."),
        };
    }

    /// <summary>The rule's repeat interval after the authority's parameters and overrides.</summary>
    public RuleOffset IntervalFor(RuleDefinition rule)
    {
        if (rule.IsParameter && Parameters.OffsetOverrides.Count != 0
            && Parameters.OffsetOverrides.TryGetValue(rule.Id, out var overridden))
        {
            return overridden;
        }

        return rule.Id == RuleIds.CoreGroup
            ? RuleOffset.Weeks(Parameters.CoreGroupIntervalWeeks)
            : rule.RepeatInterval ?? OffsetFor(rule);
    }

    /// <summary>The trigger plus the rule's (first) offset, on the rule's calendar.</summary>
    public LocalDate DueFrom(RuleDefinition rule, LocalDate trigger) => OffsetFor(rule).ApplyTo(trigger, CalendarFor(rule));

    /// <summary>The previous actual date plus the rule's repeat interval.</summary>
    public LocalDate NextFrom(RuleDefinition rule, LocalDate previous) => IntervalFor(rule).ApplyTo(previous, CalendarFor(rule));

    /// <summary>Builds one milestone: effective date (last working day on or before the nominal one) and status.</summary>
    public Milestone Make(
        RuleDefinition rule,
        int sequence,
        LocalDate due,
        LocalDate? met,
        LocalDate? earliest = null,
        int cycle = 1,
        string? step = null,
        string? title = null,
        bool? informational = null,
        AlternativeReading? alternative = null)
    {
        var calendar = CalendarFor(rule);
        var effective = calendar.PreviousWorkingDayOnOrBefore(due);
        var milestone = new Milestone
        {
            Rule = rule.Id,
            Sequence = sequence,
            Title = title ?? rule.Title,
            Group = rule.Group,
            Earliest = earliest,
            Due = due,
            Effective = effective,
            Status = MilestoneStatus.Upcoming,
            Met = met,
            Audience = rule.Audience,
            Source = rule.Source,
            Alternative = alternative,
            Step = step,
            Cycle = cycle,
            Informational = informational ?? rule.Informational,
        };

        if (met is null && Completed.Count != 0 && Completed.TryGetValue(milestone.Key, out var done))
        {
            met = done;
            milestone = milestone with { Met = done };
        }

        return milestone with { Status = StatusOf(due, effective, met, Today) };
    }

    /// <summary>
    /// Met on or before the nominal due date → Met, after it → MetLate; otherwise by today against the effective
    /// date: before → Upcoming, on → Due, after → Overdue.
    /// </summary>
    public static MilestoneStatus StatusOf(LocalDate due, LocalDate effective, LocalDate? met, LocalDate today)
    {
        if (met is { } m)
        {
            return m <= due ? MilestoneStatus.Met : MilestoneStatus.MetLate;
        }

        return today < effective ? MilestoneStatus.Upcoming
            : today == effective ? MilestoneStatus.Due
            : MilestoneStatus.Overdue;
    }

    /// <summary>Whether an unmet occurrence falls inside the horizon and before <paramref name="stop"/> (exclusive when given).</summary>
    public bool Wanted(LocalDate due, LocalDate? stop) => due <= HorizonEnd && (stop is not { } s || due < s);

    /// <summary>The dates in ascending order, copying only when they are not already sorted.</summary>
    public static IReadOnlyList<LocalDate> Sorted(IReadOnlyList<LocalDate> dates)
    {
        for (var i = 1; i < dates.Count; i++)
        {
            if (dates[i] < dates[i - 1])
            {
                var copy = new LocalDate[dates.Count];
                for (var j = 0; j < copy.Length; j++)
                {
                    copy[j] = dates[j];
                }

                Array.Sort(copy);
                return copy;
            }
        }

        return dates;
    }
}
