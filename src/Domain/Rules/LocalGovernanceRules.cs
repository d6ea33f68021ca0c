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
