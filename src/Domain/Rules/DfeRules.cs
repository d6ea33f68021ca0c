using static Scheduler.Domain.Rules.Routing;

namespace Scheduler.Domain.Rules;

/// <summary>DfE intervention after an inadequate judgement (catalogue C1–C7); they apply under every framework.</summary>
public static class DfeRules
{
    public static readonly RuleDefinition ImprovementPlan = new()
    {
        Id = RuleIds.DfeImprovementPlan,
        Reference = "C1",
        Title = "Improvement plan (DfE three-month target)",
        Owner = "DfE (adviser or expert scrutiny) with the local authority",
        Trigger = "Inadequate report published",
        Offset = RuleOffset.Months(3),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = DcsPo,
        Escalation = CexIbc,
        Informed = DfeCom,
        Group = RuleGroup.DfeIntervention,
        Strength = RuleStrength.DfePolicy,
        Source = $"{Sources.Pcf}, para 121",
        Ambiguity = "Competes with the statutory 70 working days: tracked as the earlier, softer target.",
    };

    public static readonly RuleDefinition ImprovementNotice = new()
    {
        Id = RuleIds.DfeImprovementNotice,
        Reference = "C2",
        Title = "DfE improvement notice expected",
        Owner = "DfE",
        Trigger = "Inadequate report published, without persistent or systemic failure",
        Offset = RuleOffset.Months(3),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = [Role.DCS, Role.CEX, Role.PO],
        Escalation = [Role.IBC],
        Informed = DfeCom,
        Group = RuleGroup.DfeIntervention,
        Strength = RuleStrength.DfePolicy,
        Source = $"{Sources.Nao}, Figure 15",
        Ambiguity = "Not applicable where a direction and commissioner are used instead (systemic or persistent failure).",
        Informational = true,
    };

    public static readonly RuleDefinition ProgressReview = new()
    {
        Id = RuleIds.DfeProgressReview,
        Reference = "C3",
        Title = "DfE six-monthly progress review",
        Owner = "DfE",
        Trigger = "Inadequate report published; then the previous review",
        Offset = RuleOffset.Months(6),
        Bound = BoundKind.Cadence,
        Repeat = RepeatMode.FixedCadence,
        Audience = DcsPo,
        Escalation = CexIbc,
        Informed = DfeCom,
        Group = RuleGroup.DfeIntervention,
        Strength = RuleStrength.DfePolicy,
        Source = $"{Sources.Pcf}, para 121; {Sources.Nao}, Figure 15",
        Ambiguity = "\"Every six months\": a fixed cadence from publication by default; an authority may re-anchor on the previous actual review.",
    };

    public static readonly RuleDefinition CommissionerReport = new()
    {
        Id = RuleIds.CommissionerReport,
        Reference = "C4",
        Title = "Commissioner's report to the Minister",
        Owner = "Children's services commissioner",
        Trigger = "Commissioner appointed (statutory direction)",
        Offset = RuleOffset.Months(3),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = [Role.DCS, Role.CEX, Role.PO],
        Escalation = [Role.IBC],
        Informed = DfeCom,
        Group = RuleGroup.DfeIntervention,
        Strength = RuleStrength.DfePolicy,
        Source = $"{Sources.CroydonScrutiny}, para 1.2; {Sources.Pcf}, para 121; {Sources.Nao}, Figure 15",
        Ambiguity = "An \"initial three-month period\" that may be extended; publication is at the Minister's discretion.",
    };

    public static readonly RuleDefinition NextOfstedInspectionExpected = new()
    {
        Id = RuleIds.NextOfstedInspectionExpected,
        Reference = "C5",
        Title = "Next Ofsted inspection report expected (DfE view)",
        Owner = "Ofsted",
        Trigger = "Inadequate report published",
        WindowStart = RuleOffset.Months(12),
        Offset = RuleOffset.Months(24),
        Bound = BoundKind.Window,
        Repeat = RepeatMode.Once,
        Audience = PoDcs,
        Escalation = CexIbc,
        Informed = DfeCom,
        Group = RuleGroup.DfeIntervention,
        Strength = RuleStrength.DfePolicy,
        Source = $"{Sources.Nao}, Figure 15",
        Informational = true,
    };

    public static readonly RuleDefinition TrustWithin12Months = new()
    {
        Id = RuleIds.TrustWithin12Months,
        Reference = "C6",
        Title = "Trust arrangements in place",
        Owner = "DfE",
        Trigger = "Finding that the authority lacks the capacity to improve",
        Offset = RuleOffset.Months(12),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = [Role.DCS, Role.CEX],
        Escalation = [Role.PO, Role.IBC],
        Informed = DfeCom,
        Group = RuleGroup.DfeIntervention,
        Strength = RuleStrength.DfePolicy,
        Source = $"{Sources.Nao}, Figure 15; {Sources.Pcf}, para 121",
    };

    public static readonly RuleDefinition PostInadequateSupport = new()
    {
        Id = RuleIds.PostInadequateSupport,
        Reference = "C7",
        Title = "End of DfE supervision and support after a requires-improvement judgement",
        Owner = "DfE",
        Trigger = "\"Requires improvement\" report published for a previously inadequate authority",
        Offset = RuleOffset.Months(12),
        Bound = BoundKind.Period,
        Repeat = RepeatMode.Once,
        Audience = [Role.DCS],
        Escalation = [Role.PO],
        Informed = [Role.DFE],
        Group = RuleGroup.DfeIntervention,
        Strength = RuleStrength.DfePolicy,
        Source = $"{Sources.Pcf}, para 128",
        Ambiguity = "The NAO figure's six-month variant for inadequate sub-judgements is illegible and not implemented.",
    };

    /// <summary>Every C rule, in catalogue order.</summary>
    public static IReadOnlyList<RuleDefinition> All { get; } =
        [ImprovementPlan, ImprovementNotice, ProgressReview, CommissionerReport, NextOfstedInspectionExpected, TrustWithin12Months, PostInadequateSupport];
}
