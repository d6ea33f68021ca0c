using static Scheduler.Domain.Rules.Routing;

namespace Scheduler.Domain.Rules;

/// <summary>The ILACS framework's rules after an inadequate judgement (catalogue B2–B7).</summary>
public static class IlacsRules
{
    private const string PressReport = "Children and Young People Now, \"Ofsted to require struggling councils to produce urgent action plans\" (16 August 2018)";

    public static readonly RuleDefinition ActionPlan = new()
    {
        Id = RuleIds.IlacsActionPlan,
        Reference = "B2",
        Title = "Written statement of action (action plan) due",
        Plain = "Under the ILACS framework the council must still send its written statement of action within 70 working days of receiving the inspection report, or a focused-visit letter with areas for priority action. The deadline is set in law.",
        Ask = "Submit the written statement of action and record the date it was sent.",
        Owner = "Local authority (DCS)",
        Trigger = "Inspection report, or focused-visit letter with areas for priority action, received",
        Offset = RuleOffset.WorkingDays(70),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = PoDcs,
        Escalation = Cex,
        Informed = Ofs,
        Group = RuleGroup.IlacsActionPlan,
        Strength = RuleStrength.Stat,
        Source = $"{Sources.InspectionRegs}, reg 3; {Sources.Ilacs}; {PressReport}",
    };

    public static readonly RuleDefinition DraftPlanAfterFocusedVisit = new()
    {
        Id = RuleIds.IlacsDraftPlan,
        Reference = "B3",
        Title = "Draft action plan after a focused visit",
        Plain = "When a focused visit finds areas for priority action, Ofsted asks for a draft action plan within 20 working days of its letter.",
        Ask = "Send the draft action plan to Ofsted and record the date it was sent.",
        Owner = "Local authority (DCS)",
        Trigger = "Focused-visit letter with areas for priority action received",
        Offset = RuleOffset.WorkingDays(20),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = PoDcs,
        Escalation = Cex,
        Informed = Ofs,
        Group = RuleGroup.IlacsActionPlan,
        Strength = RuleStrength.Ofsted,
        Source = $"{Sources.Ilacs}; {PressReport}, quoting Ofsted",
        Ambiguity = "Known from the press report of Ofsted's statement; the final plan remains due within 70 working days of the letter.",
    };

    public static readonly RuleDefinition MonitoringOfInadequate = new()
    {
        Id = RuleIds.IlacsMonitoring,
        Reference = "B5",
        Title = "Monitoring visit (agreed date)",
        Plain = "Ofsted monitors inadequate councils regularly before re-inspecting them; the frequency is not published, so only the dates agreed with Ofsted are shown.",
        Ask = "Record each monitoring visit date agreed with Ofsted.",
        Owner = "Ofsted",
        Trigger = "Agreed with Ofsted",
        Bound = BoundKind.Cadence,
        Repeat = RepeatMode.Once,
        Audience = PoDcs,
        Escalation = Cex,
        Group = RuleGroup.OfstedPostInspection,
        Strength = RuleStrength.Unverified,
        Source = $"{Sources.Ilacs}; Local Government Association, LGA First: Inspecting children's services (Ofsted comment)",
        Ambiguity = "The ILACS cadence for inadequate authorities was not verified: agreed dates only, no computed cadence.",
        Informational = true,
    };

    public static readonly RuleDefinition RoutineInspectionWindow = new()
    {
        Id = RuleIds.IlacsRoutineInspectionWindow,
        Reference = "B6",
        Title = "Next routine inspection window",
        Plain = "Once the council is no longer inadequate, its next routine inspection falls between six months before and six months after the third anniversary of the previous one. This is Ofsted's window, not a deadline.",
        Ask = "Nothing to send: keep readiness for inspection under review.",
        Owner = "Ofsted",
        Trigger = "Previous inspection report (the re-inspection that took the authority out of inadequate)",
        WindowStart = RuleOffset.Months(30),
        Offset = RuleOffset.Months(42),
        Bound = BoundKind.Window,
        Repeat = RepeatMode.Once,
        Audience = PoDcs,
        Escalation = Cex,
        Group = RuleGroup.OfstedPostInspection,
        Strength = RuleStrength.Ofsted,
        Source = $"{Sources.Ilacs}, as summarised by Kirklees Safeguarding Children Partnership, ILACS inspection guidance for professionals",
        Ambiguity = "Six months either side of the third anniversary; whether the anniversary counts from publication or fieldwork is not stated (the report receipt is used).",
        Informational = true,
    };

    public static readonly RuleDefinition AnnualEngagement = new()
    {
        Id = RuleIds.IlacsAnnualEngagement,
        Reference = "B7",
        Title = "Annual engagement meeting with Ofsted",
        Plain = "Under ILACS the council meets Ofsted once a year to discuss its self-evaluation of children's services.",
        Ask = "Hold the annual engagement meeting with Ofsted and record the date it was held.",
        Owner = "Ofsted and the local authority",
        Trigger = "Previous annual engagement meeting (the inspection report for the first)",
        Offset = RuleOffset.Months(12),
        Bound = BoundKind.Cadence,
        Repeat = RepeatMode.FromPreviousActual,
        Audience = PoDcs,
        Escalation = Cex,
        Group = RuleGroup.OfstedPostInspection,
        Strength = RuleStrength.Ofsted,
        Source = $"{Sources.Ilacs}; ADCS, ILACS overview",
    };

    /// <summary>Every B rule, in catalogue order.</summary>
    public static IReadOnlyList<RuleDefinition> All { get; } =
        [ActionPlan, DraftPlanAfterFocusedVisit, MonitoringOfInadequate, RoutineInspectionWindow, AnnualEngagement];
}
