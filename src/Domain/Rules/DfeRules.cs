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
        Plain = "The DfE expects an improvement plan, drawn up with its adviser, within three months of the inadequate report's publication. It is a policy target, earlier and softer than the statutory action plan.",
        Ask = "Agree the improvement plan with the DfE adviser and record it as done.",
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
        Plain = "Where failure is neither persistent nor systemic, the DfE usually issues an improvement notice within three months of the report's publication. This is the DfE's step.",
        Ask = "Nothing to send: check whether the notice has arrived and follow up with the DfE case officer if it has not.",
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
        Plain = "While the council is in intervention the DfE reviews its progress every six months, counted from the inadequate report's publication.",
        Ask = "Prepare for the review with the DfE and record the date it was held.",
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
        Plain = "A commissioner appointed by the Secretary of State reports to the Minister at the end of an initial three-month period, which may be extended.",
        Ask = "Make sure the commissioner has what the report needs, and record it as done once it has gone to the Minister.",
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
        Plain = "The DfE expects Ofsted's next inspection report between 12 and 24 months after the inadequate report was published. This is an expectation, not a deadline.",
        Ask = "Nothing to send: keep readiness for re-inspection under review.",
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
        Plain = "If the council is found to lack the capacity to improve, the DfE expects children's services to be run under trust arrangements within 12 months.",
        Ask = "Track the trust arrangements with the DfE and record them as done once they are in place.",
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
        Plain = "After a requires-improvement judgement, a council that was inadequate has 12 months of DfE supervision and support; this is the end of that period.",
        Ask = "Nothing to record: confirm with the DfE that supervision and support have ended.",
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
