using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Rules;

namespace Scheduler.Domain.Milestones;

/// <summary>
/// What every milestone computation needs: the two calendars, the authority's parameters, today and the
/// horizon. Builds milestones with their effective date and status.
/// </summary>
/// <remarks>One per computation, passed by reference (<c>in</c>): a struct, so computing a case allocates only its milestones.</remarks>
internal readonly struct MilestoneContext
{
    private static readonly IReadOnlyDictionary<string, LocalDate> NoCompletions = new Dictionary<string, LocalDate>();

    private readonly bool _anyCompleted;
    private readonly bool _anyLocalPractice;
    private readonly bool _anyOverrides;

    public MilestoneContext(
        AuthorityParameters parameters,
        WorkingDayCalendar statutory,
        WorkingDayCalendar local,
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

        // Asked once per case rather than once per milestone: each is an interface call, and almost always false.
        _anyCompleted = Completed.Count != 0;
        _anyLocalPractice = parameters.LocalPracticeRules.Count != 0;
        _anyOverrides = parameters.OffsetOverrides.Count != 0;
    }

    public AuthorityParameters Parameters { get; }

    public WorkingDayCalendar Statutory { get; }

    public WorkingDayCalendar Local { get; }

    public LocalDate Today { get; }

    /// <summary>The last date a repeating rule produces an unmet occurrence for.</summary>
    public LocalDate HorizonEnd { get; }

    public IReadOnlyDictionary<string, LocalDate> Completed { get; }

    /// <summary>Statutory rules always count on the statutory calendar; only parameter rules the authority marks use its own.</summary>
    public WorkingDayCalendar CalendarFor(RuleDefinition rule) =>
        _anyLocalPractice && rule.IsParameter && Parameters.UsesLocalCalendar(rule.Id) ? Local : Statutory;

    /// <summary>The rule's first offset after the authority's parameters and overrides.</summary>
    public RuleOffset OffsetFor(RuleDefinition rule)
    {
        if (_anyOverrides && rule.IsParameter && rule.RepeatInterval is null
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
        if (_anyOverrides && rule.IsParameter
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

    /// <summary>
    /// Builds one milestone: effective date (last working day on or before the nominal one), completion and status
    /// are all settled first, so the record is built once.
    /// </summary>
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
        var effective = CalendarFor(rule).PreviousWorkingDayOnOrBefore(due);
        if (met is null && _anyCompleted
            && Completed.TryGetValue(Milestone.KeyOf(rule.Id, cycle, sequence, step), out var done))
        {
            met = done;
        }

        return new Milestone
        {
            Rule = rule.Id,
            Sequence = sequence,
            Title = title ?? rule.Title,
            Group = rule.Group,
            Earliest = earliest,
            Due = due,
            Effective = effective,
            Status = StatusOf(due, effective, met, Today),
            Met = met,
            Audience = rule.Audience,
            Source = rule.Source,
            Alternative = alternative,
            Step = step,
            Cycle = cycle,
            Informational = informational ?? rule.Informational,
        };
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
