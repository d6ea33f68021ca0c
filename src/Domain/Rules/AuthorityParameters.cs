using System.Collections.Frozen;

namespace Scheduler.Domain.Rules;

/// <summary>
/// An authority's settings for the rules that are its own practice (LOCAL) or unverified: every value has a
/// default, and only rules of those strengths can be changed. Statutory, guidance, Ofsted and DfE rules are fixed.
/// </summary>
public sealed record AuthorityParameters
{
    /// <summary>The defaults, as the rules catalogue gives them.</summary>
    public static AuthorityParameters Default { get; } = new();

    /// <summary>Interval between visits to a child on a child protection plan (E8).</summary>
    public int CpVisitIntervalWorkingDays { get; init; } = 10;

    /// <summary>First core group after the initial conference (E5).</summary>
    public int CoreGroupFirstWorkingDays { get; init; } = 10;

    /// <summary>Interval between core groups (E5): local practice says 4 to 6 weeks.</summary>
    public int CoreGroupIntervalWeeks { get; init; } = 6;

    /// <summary>Limit for the strategy discussion after a referral (E3); null (the default) means no limit is computed.</summary>
    public int? StrategyDiscussionLimitWorkingDays { get; init; }

    /// <summary>IRO appointment after becoming looked after (E18).</summary>
    public int IroAppointmentWorkingDays { get; init; } = 5;

    /// <summary>Interval between Improvement Board meetings (D1).</summary>
    public int ImprovementBoardIntervalMonths { get; init; } = 1;

    /// <summary>Length of an interim arrangement (D6).</summary>
    public int InterimArrangementMonths { get; init; } = 6;

    /// <summary>Length of the transitional action plan period (D4).</summary>
    public int TransitionalPlanMonths { get; init; } = 3;

    /// <summary>Length of the improvement plan horizon (D5).</summary>
    public int ImprovementPlanHorizonYears { get; init; } = 2;

    /// <summary>How DfE six-monthly reviews are anchored (C3).</summary>
    public DfeReviewAnchor DfeReviewAnchor { get; init; } = DfeReviewAnchor.FixedCadence;

    /// <summary>Which date starts the ICPC clock (E4); the other variant is shown as the alternative reading.</summary>
    public IcpcTrigger IcpcTrigger { get; init; } = IcpcTrigger.StrategyDiscussion;

    /// <summary>Soft warning when no next monitoring visit is agreed this long after the last one (A7).</summary>
    public int MonitoringVisitSoftWarningMonths { get; init; } = 3;

    /// <summary>How far ahead of the expected re-inspection the planning alert falls (A10).</summary>
    public int ReinspectionPlanningAlertMonths { get; init; } = 6;

    /// <summary>How far after "today" repeating rules produce occurrences.</summary>
    public int HorizonYears { get; init; } = 2;

    /// <summary>
    /// Rules the authority runs as its own practice: they count working days on its local calendar (its closure
    /// days removed). Only LOCAL or UNVERIFIED rules may be listed.
    /// </summary>
    public IReadOnlySet<string> LocalPracticeRules { get; init; } = FrozenSet<string>.Empty;

    /// <summary>
    /// Per-rule offset overrides (rule id → offset), for LOCAL or UNVERIFIED rules only. For a repeating rule the
    /// override replaces the repeat interval. An override wins over the named parameter for the same rule.
    /// </summary>
    public IReadOnlyDictionary<string, RuleOffset> OffsetOverrides { get; init; } = FrozenDictionary<string, RuleOffset>.Empty;

    /// <summary>Whether a rule counts working days on the local calendar.</summary>
    public bool UsesLocalCalendar(string ruleId) => LocalPracticeRules.Count != 0 && LocalPracticeRules.Contains(ruleId);

    /// <summary>Errors in these parameters (empty when valid), each naming the field and the reason.</summary>
    public IReadOnlyList<Validation.ValidationError> Validate()
    {
        var errors = new List<Validation.ValidationError>();
        Positive(nameof(CpVisitIntervalWorkingDays), CpVisitIntervalWorkingDays, 60);
        Positive(nameof(CoreGroupFirstWorkingDays), CoreGroupFirstWorkingDays, 60);
        Positive(nameof(CoreGroupIntervalWeeks), CoreGroupIntervalWeeks, 26);
        if (StrategyDiscussionLimitWorkingDays is { } limit)
        {
            Positive(nameof(StrategyDiscussionLimitWorkingDays), limit, 60);
        }

        Positive(nameof(IroAppointmentWorkingDays), IroAppointmentWorkingDays, 60);
        Positive(nameof(ImprovementBoardIntervalMonths), ImprovementBoardIntervalMonths, 12);
        Positive(nameof(InterimArrangementMonths), InterimArrangementMonths, 36);
        Positive(nameof(TransitionalPlanMonths), TransitionalPlanMonths, 24);
        Positive(nameof(ImprovementPlanHorizonYears), ImprovementPlanHorizonYears, 10);
        Positive(nameof(MonitoringVisitSoftWarningMonths), MonitoringVisitSoftWarningMonths, 24);
        Positive(nameof(ReinspectionPlanningAlertMonths), ReinspectionPlanningAlertMonths, 24);
        Positive(nameof(HorizonYears), HorizonYears, 10);
        if (!Enum.IsDefined(DfeReviewAnchor))
        {
            errors.Add(new(nameof(DfeReviewAnchor), $"'{DfeReviewAnchor}' is not FixedCadence or PreviousActual."));
        }

        if (!Enum.IsDefined(IcpcTrigger))
        {
            errors.Add(new(nameof(IcpcTrigger), $"'{IcpcTrigger}' is not StrategyDiscussion or Section47Start."));
        }

        foreach (var id in LocalPracticeRules)
        {
            CheckParameterRule($"{nameof(LocalPracticeRules)}[{id}]", id, "run on the local calendar");
        }

        foreach (var (id, offset) in OffsetOverrides)
        {
            var field = $"{nameof(OffsetOverrides)}[{id}]";
            if (CheckParameterRule(field, id, "have its offset overridden") && offset.Amount <= 0)
            {
                errors.Add(new(field, $"The offset must be positive, not {offset}."));
            }
        }

        return errors;

        void Positive(string field, int value, int max)
        {
            if (value < 1 || value > max)
            {
                errors.Add(new(field, $"Must be between 1 and {max}, not {value}."));
            }
        }

        bool CheckParameterRule(string field, string id, string what)
        {
            var rule = RuleSets.FindRule(id);
            if (rule is null)
            {
                errors.Add(new(field, $"No rule has the id '{id}'."));
                return false;
            }

            if (!rule.IsParameter)
            {
                errors.Add(new(field, $"'{id}' is {rule.Strength.Label()}, so it cannot {what}: only LOCAL or UNVERIFIED rules can."));
                return false;
            }

            return true;
        }
    }

    /// <summary>Throws <see cref="Validation.DomainValidationException"/> when <see cref="Validate"/> finds errors.</summary>
    public AuthorityParameters EnsureValid()
    {
        var errors = Validate();
        return errors.Count == 0 ? this : throw new Validation.DomainValidationException(errors);
    }
}
