using static Scheduler.Domain.Rules.Routing;

namespace Scheduler.Domain.Rules;

/// <summary>The authority's own improvement governance (catalogue D1–D6): parameters with Croydon's values as defaults.</summary>
public static class LocalGovernanceRules
{
    public static readonly RuleDefinition ImprovementBoardMonthly = new()
    {
        Id = RuleIds.ImprovementBoardMonthly,
        Reference = "D1",
        Title = "Improvement Board meeting",
        Plain = "The council's improvement board meets every month; the next meeting is due a month after the last one held.",
        Ask = "Hold the board meeting and record the date it was held.",
        Owner = "Improvement Board chair; the programme office keeps the schedule",
        Trigger = "Previous board meeting (the inspection report for the first)",
        Offset = RuleOffset.Months(1),
        Bound = BoundKind.Cadence,
        Repeat = RepeatMode.FromPreviousActual,
        Audience = Po,
        Escalation = IbcDcs,
        Informed = Scr,
        Group = RuleGroup.LocalGovernance,
        Strength = RuleStrength.Local,
        Source = $"{Sources.CroydonCabinet}, para 7.3; {Sources.CroydonScrutiny}, paras 2.3.2 and 2.3.4",
    };

    public static readonly RuleDefinition ScrutinyStandingItem = new()
    {
        Id = RuleIds.ScrutinyStandingItem,
        Reference = "D2",
        Title = "Scrutiny standing item on the improvement plan",
        Plain = "Every scrutiny meeting on children's services has a standing item on the improvement plan; it follows the committee calendar, so no date is worked out.",
        Ask = "Make sure the improvement plan is on the agenda of the next scrutiny meeting.",
        Owner = "Scrutiny committee",
        Trigger = "Committee calendar",
        Bound = BoundKind.OpenItem,
        Repeat = RepeatMode.Once,
        Audience = Po,
        Escalation = IbcDcs,
        Informed = Scr,
        Group = RuleGroup.LocalGovernance,
        Strength = RuleStrength.Local,
        Source = $"{Sources.CroydonScrutiny}, para 1.3; {Sources.CroydonCabinet}, para 10.1",
        Ambiguity = "Event-driven: follows the committee calendar, no computed date.",
    };

    public static readonly RuleDefinition CabinetProgressReports = new()
    {
        Id = RuleIds.CabinetProgressReports,
        Reference = "D3",
        Title = "Progress report to Cabinet",
        Plain = "Cabinet receives regular progress reports on the improvement plan; no interval is set.",
        Ask = "Schedule the next progress report to Cabinet.",
        Owner = "Cabinet",
        Trigger = "None stated (\"regular\")",
        Bound = BoundKind.OpenItem,
        Repeat = RepeatMode.Once,
        Audience = Po,
        Escalation = IbcDcs,
        Informed = Scr,
        Group = RuleGroup.LocalGovernance,
        Strength = RuleStrength.Local,
        Source = $"{Sources.CroydonCabinet}, para 10.1",
        Ambiguity = "\"Regular\" with no interval: no computed date.",
    };

    public static readonly RuleDefinition TransitionalActionPlanPeriod = new()
    {
        Id = RuleIds.TransitionalActionPlanPeriod,
        Reference = "D4",
        Title = "End of the transitional action plan period",
        Plain = "The transitional action plan covers the first three months after the inspection report, until the full improvement plan takes over.",
        Ask = "Nothing to record: review what the transitional plan achieved as the full improvement plan takes over.",
        Owner = "Chief Executive",
        Trigger = "Inspection report received",
        Offset = RuleOffset.Months(3),
        Bound = BoundKind.Period,
        Repeat = RepeatMode.Once,
        Audience = Po,
        Escalation = IbcDcs,
        Informed = Scr,
        Group = RuleGroup.LocalGovernance,
        Strength = RuleStrength.Local,
        Source = $"{Sources.CroydonScrutiny}, para 2.1; {Sources.CroydonCabinet}, para 7.1",
        Ambiguity = "\"The first three months\" or \"the next 2–3 months\"; trigger unspecified (the report receipt is used).",
    };

    public static readonly RuleDefinition ImprovementPlanHorizon = new()
    {
        Id = RuleIds.ImprovementPlanHorizon,
        Reference = "D5",
        Title = "End of the improvement plan horizon",
        Plain = "The improvement plan runs for two years from its approval; this marks the end of that horizon.",
        Ask = "Nothing to send: plan the review of the improvement plan before it ends.",
        Owner = "Local authority",
        Trigger = "Improvement plan approved",
        Offset = RuleOffset.Years(2),
        Bound = BoundKind.Period,
        Repeat = RepeatMode.Once,
        Audience = Po,
        Escalation = IbcDcs,
        Informed = Scr,
        Group = RuleGroup.LocalGovernance,
        Strength = RuleStrength.Local,
        Source = $"{Sources.CroydonScrutiny}, paras 4.1 and 4.6",
        Informational = true,
    };

    public static readonly RuleDefinition InterimArrangementExpiry = new()
    {
        Id = RuleIds.InterimArrangementExpiry,
        Reference = "D6",
        Title = "Interim arrangement expires",
        Plain = "Interim arrangements, such as temporary management or team arrangements, run for six months from their start and then need a decision.",
        Ask = "Decide whether the arrangement ends, is extended or becomes permanent, and record the decision.",
        Owner = "Director of Children's Services",
        Trigger = "Interim arrangement starts",
        Offset = RuleOffset.Months(6),
        Bound = BoundKind.Expiry,
        Repeat = RepeatMode.Once,
        Audience = DcsPo,
        Escalation = [Role.IBC],
        Informed = Scr,
        Group = RuleGroup.LocalGovernance,
        Strength = RuleStrength.Local,
        Source = $"{Sources.CroydonScrutiny}, paras 2.4.1 and 2.5.1",
    };

    /// <summary>Every D rule, in catalogue order.</summary>
    public static IReadOnlyList<RuleDefinition> All { get; } =
        [ImprovementBoardMonthly, ScrutinyStandingItem, CabinetProgressReports, TransitionalActionPlanPeriod, ImprovementPlanHorizon, InterimArrangementExpiry];
}
