using static Scheduler.Domain.Rules.Routing;

namespace Scheduler.Domain.Rules;

/// <summary>Ofsted's timetable after an inadequate judgement under the May 2017 handbook (catalogue A1–A12).</summary>
public static class OfstedRules
{
    public static readonly RuleDefinition LaPublishInspectionReport = new()
    {
        Id = RuleIds.LaPublishInspectionReport,
        Reference = "A1",
        Title = "Inspection report published by the authority",
        Plain = "The council must publish Ofsted's inspection report itself within 30 working days of receiving it.",
        Ask = "Publish the report on the council's website and record it as done.",
        Owner = "Local authority",
        Trigger = "Inspection report received",
        Offset = RuleOffset.WorkingDays(30),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = PoDcs,
        Escalation = CexIbc,
        Group = RuleGroup.OfstedPostInspection,
        Strength = RuleStrength.Stat,
        Source = $"{Sources.InspectionRegs}, reg 2",
        Ambiguity = "\"Receiving\" may mean the pre-publication copy; the clock runs from the recorded receipt date.",
    };

    public static readonly RuleDefinition ActionPlanningVisitWindow = new()
    {
        Id = RuleIds.ActionPlanningVisitWindow,
        Reference = "A2",
        Title = "Action planning visit",
        Plain = "Ofsted holds an action planning visit with the council between the 25th and the 35th working day after the inspection report is received, to discuss the council's response.",
        Ask = "Agree the visit date with Ofsted, and record the visit once it has been held.",
        Owner = "Ofsted (senior HMI and lead inspector)",
        Trigger = "Inspection report received",
        WindowStart = RuleOffset.WorkingDays(25),
        Offset = RuleOffset.WorkingDays(35),
        Bound = BoundKind.Window,
        Repeat = RepeatMode.Once,
        Audience = PoDcs,
        Escalation = CexIbc,
        Informed = Ofs,
        Group = RuleGroup.OfstedPostInspection,
        Strength = RuleStrength.Ofsted,
        Source = $"{Sources.Handbook}, paras 5 and 10 and Annex A",
        Ambiguity = "Para 5 says \"25 and 35 days\", para 10 and Annex A say working days: working days, with the calendar-day window shown as the alternative.",
    };

    public static readonly RuleDefinition ApvAgendaCirculated = new()
    {
        Id = RuleIds.ApvAgendaCirculated,
        Reference = "A3",
        Title = "Action planning visit agenda circulated",
        Plain = "Ofsted's lead inspector sends the agenda for the action planning visit five working days before the visit. This is Ofsted's step, not the council's.",
        Ask = "Nothing to send: check that the agenda has arrived and contact the lead inspector if it has not.",
        Owner = "Ofsted lead inspector",
        Trigger = "Date of the action planning visit",
        Offset = RuleOffset.WorkingDays(-5),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = PoDcs,
        Escalation = CexIbc,
        Group = RuleGroup.OfstedPostInspection,
        Strength = RuleStrength.Ofsted,
        Source = $"{Sources.Handbook}, para 14",
        Informational = true,
    };

    public static readonly RuleDefinition ActionPlanSubmission = new()
    {
        Id = RuleIds.ActionPlanSubmission,
        Reference = "A4",
        Title = "Written statement of action (action plan) due",
        Plain = "The council must send its written statement of action, the plan answering the inspection's findings, to the Secretary of State and Ofsted within 70 working days of receiving the inspection report. The deadline is set in law.",
        Ask = "Submit the written statement of action and record the date it was sent.",
        Owner = "Local authority (DCS)",
        Trigger = "Inspection report received",
        Offset = RuleOffset.WorkingDays(70),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = PoDcs,
        Escalation = CexIbc,
        Informed = OfsDfe,
        Group = RuleGroup.OfstedPostInspection,
        Strength = RuleStrength.Stat,
        Source = $"{Sources.InspectionRegs}, reg 3; {Sources.Handbook}, paras 6, 7 and 19",
        Ambiguity = "Some texts say \"70 days\" or count from publication: the statutory 70 working days from the recorded receipt date.",
    };

    public static readonly RuleDefinition ActionPlanResponse = new()
    {
        Id = RuleIds.ActionPlanResponse,
        Reference = "A5",
        Title = "Ofsted's response to the action plan",
        Plain = "Ofsted reviews the action plan and its regional director writes to the director of children's services as soon as possible; no date is set.",
        Ask = "Nothing to send: record Ofsted's response when it arrives.",
        Owner = "Ofsted (lead inspector; regional director writes to the DCS)",
        Trigger = "Action plan received by Ofsted",
        Bound = BoundKind.OpenItem,
        Repeat = RepeatMode.Once,
        Audience = PoDcs,
        Escalation = CexIbc,
        Informed = [Role.DFE],
        Group = RuleGroup.OfstedPostInspection,
        Strength = RuleStrength.Ofsted,
        Source = $"{Sources.Handbook}, paras 20–22",
        Ambiguity = "\"As soon as possible\": an open item, no computed date.",
    };

    public static readonly RuleDefinition FirstMonitoringVisit = new()
    {
        Id = RuleIds.FirstMonitoringVisit,
        Reference = "A6",
        Title = "First monitoring visit",
        Plain = "Ofsted usually makes its first monitoring visit within four weeks after the action plan deadline, on dates agreed with the director of children's services.",
        Ask = "Agree the visit dates with Ofsted, and record the visit once it has been held.",
        Owner = "Ofsted (dates agreed with the DCS at the action planning visit)",
        Trigger = "Action plan submission deadline (not the actual submission)",
        WindowStart = RuleOffset.CalendarDays(1),
        Offset = RuleOffset.Weeks(4),
        Bound = BoundKind.Window,
        Repeat = RepeatMode.Once,
        Audience = PoDcs,
        Escalation = CexIbc,
        Informed = Ofs,
        Group = RuleGroup.OfstedPostInspection,
        Strength = RuleStrength.Ofsted,
        Source = $"{Sources.Handbook}, paras 8 and 23",
        Ambiguity = "\"Within four weeks of\" the deadline: the window (deadline, deadline + 28 days]; the alternative reading is 20 working days after the deadline.",
    };

    public static readonly RuleDefinition MonitoringVisitCadence = new()
    {
        Id = RuleIds.MonitoringVisitCadence,
        Reference = "A7",
        Title = "Quarterly monitoring visit",
        Plain = "After the first, Ofsted makes monitoring visits about every three months on agreed dates; the calendar warns when no next visit has been agreed.",
        Ask = "Agree the date of the next monitoring visit with Ofsted and record it.",
        Owner = "Ofsted",
        Trigger = "Previous monitoring visit",
        Offset = RuleOffset.Months(3),
        Bound = BoundKind.Cadence,
        Repeat = RepeatMode.FromPreviousActual,
        Audience = PoDcs,
        Escalation = CexIbc,
        Group = RuleGroup.OfstedPostInspection,
        Strength = RuleStrength.Ofsted,
        Source = $"{Sources.Handbook}, paras 3, 23 and 50",
        Ambiguity = "\"Quarterly\" but \"may not be equally spaced\": visits are the agreed dates; a soft warning is raised when no next visit is agreed within the authority's warning period (default 3 months) of the last visit.",
    };

    public static readonly RuleDefinition MonitoringVisitPreVisit = new()
    {
        Id = RuleIds.MonitoringVisitPreVisit,
        Reference = "A8",
        Title = "Monitoring visit preparation",
        Plain = "Before each monitoring visit Ofsted asks for child-level data and names the case files it wants, and the council sends up to six audited case files at least three working days before the visit.",
        Ask = "Send the audited case files on time and record them as sent; for Ofsted's own steps, check that they have happened.",
        Owner = "Ofsted and the local authority",
        Trigger = "First on-site day of each monitoring visit",
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = PoDcs,
        Escalation = Cex,
        Informed = Com,
        Group = RuleGroup.MonitoringVisit,
        Strength = RuleStrength.Ofsted,
        Source = $"{Sources.Handbook}, paras 26, 27 and 42",
        Ambiguity = "The timeline is headed \"Working day\" but its rows say weeks and days: all counted as working days (two weeks = 10 working days).",
        Steps =
        [
            new("data_request", "Ofsted requests child-level data", RuleOffset.WorkingDays(-10)),
            new("audited_cases_notice", "Ofsted names the audited cases to submit", RuleOffset.WorkingDays(-8)),
            new("la_audits_due", "Audited case files due from the authority", RuleOffset.WorkingDays(-3), Informational: false),
            new("inspector_preparation", "Inspectors' preparation days", RuleOffset.WorkingDays(-1), RuleOffset.WorkingDays(-2)),
        ],
    };

    public static readonly RuleDefinition MonitoringVisitReport = new()
    {
        Id = RuleIds.MonitoringVisitReport,
        Reference = "A9",
        Title = "Monitoring visit report",
        Plain = "After each monitoring visit Ofsted sends a draft report on working day 11, the director of children's services returns factual accuracy comments by 09:30 on day 15, and the report is published on day 23 (the first visit's report is not published).",
        Ask = "Return the factual accuracy comments by the deadline and record them as sent; for Ofsted's own steps, check that they have happened.",
        Owner = "Ofsted; the authority owns the Day 15 return",
        Trigger = "First on-site day of each monitoring visit (Day 1)",
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = DcsPo,
        Escalation = Cex,
        Informed = Com,
        Group = RuleGroup.MonitoringVisit,
        Strength = RuleStrength.Ofsted,
        Source = $"{Sources.Handbook}, paras 41 and 42",
        Ambiguity = "\"Day n\" is Day 1 plus n − 1 working days. The first monitoring visit's report is not published.",
        Steps =
        [
            new("draft_to_la", "Draft report to the authority (Day 11, by 16:00)", RuleOffset.WorkingDays(10)),
            new("factual_accuracy_comments", "DCS factual accuracy comments (Day 15, by 09:30)", RuleOffset.WorkingDays(14), Informational: false),
            new("pre_publication_report", "Pre-publication report to the DCS (Day 21)", RuleOffset.WorkingDays(20)),
            new("publication", "Monitoring visit report published (Day 23)", RuleOffset.WorkingDays(22)),
        ],
    };

    public static readonly RuleDefinition ReinspectionDue = new()
    {
        Id = RuleIds.ReinspectionDue,
        Reference = "A10",
        Title = "Re-inspection expected",
        Plain = "Ofsted usually re-inspects within two years of the action plan being submitted, and rarely within the first year; it does not announce the date in advance. This is an expected window, not a deadline.",
        Ask = "Nothing to send: keep readiness for re-inspection on the improvement board's agenda.",
        Owner = "Ofsted (regional leadership)",
        Trigger = "Action plan submitted (the deadline if no submission is recorded)",
        WindowStart = RuleOffset.Years(1),
        Offset = RuleOffset.Years(2),
        Bound = BoundKind.Window,
        Repeat = RepeatMode.Once,
        Audience = PoDcs,
        Escalation = CexIbc,
        Group = RuleGroup.OfstedPostInspection,
        Strength = RuleStrength.Ofsted,
        Source = $"{Sources.Handbook}, paras 49 and 50",
        Ambiguity = "\"Usually within two years of submitting its action plan\", not before four quarterly visits (less than a year is too soon): an expected window, counted from the actual submission if recorded, else the deadline.",
        Informational = true,
    };

    public static readonly RuleDefinition ReinspectionRestart = new()
    {
        Id = RuleIds.ReinspectionRestart,
        Reference = "A11",
        Title = "Monitoring restarts after an inadequate re-inspection",
        Plain = "If a re-inspection judges the council inadequate again, the whole post-inspection timetable starts again from the new report.",
        Ask = "Record the re-inspection outcome so that the new timetable is worked out.",
        Owner = "Ofsted",
        Trigger = "Re-inspection report with an inadequate judgement",
        Bound = BoundKind.Flag,
        Repeat = RepeatMode.Once,
        Audience = PoDcs,
        Escalation = CexIbc,
        Informed = [Role.DFE],
        Group = RuleGroup.OfstedPostInspection,
        Strength = RuleStrength.Ofsted,
        Source = $"{Sources.Handbook}, para 67",
        Ambiguity = "Not a date of its own: the A rules are recomputed as a new cycle from the new report's receipt.",
    };

    public static readonly RuleDefinition ReinspectionNoticeAndPlanning = new()
    {
        Id = RuleIds.ReinspectionNoticeAndPlanning,
        Reference = "A12",
        Title = "Re-inspection notice and planning",
        Plain = "Before re-inspection fieldwork the lead inspector spends planning days in the three weeks before it and tells the director of children's services two working days before, usually on the Thursday before a Monday start. These are Ofsted's steps.",
        Ask = "Nothing to send: be ready for the notice, and record the fieldwork start date once it is known.",
        Owner = "Ofsted lead inspector",
        Trigger = "Re-inspection fieldwork Day 1 (a Monday)",
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = [Role.DCS, Role.CEX, Role.PO],
        Escalation = [Role.IBC],
        Group = RuleGroup.OfstedPostInspection,
        Strength = RuleStrength.Ofsted,
        Source = $"{Sources.Handbook}, paras 57 and 60",
        Steps =
        [
            new("lead_inspector_planning", "Lead inspector's planning days (up to three weeks before fieldwork)", RuleOffset.WorkingDays(-2), RuleOffset.Weeks(-3)),
            new("notice_to_dcs", "Notice of re-inspection to the DCS (usually the Thursday before)", RuleOffset.WorkingDays(-2)),
        ],
        Informational = true,
    };

    /// <summary>Every A rule, in catalogue order.</summary>
    public static IReadOnlyList<RuleDefinition> All { get; } =
    [
        LaPublishInspectionReport, ActionPlanningVisitWindow, ApvAgendaCirculated, ActionPlanSubmission, ActionPlanResponse,
        FirstMonitoringVisit, MonitoringVisitCadence, MonitoringVisitPreVisit, MonitoringVisitReport, ReinspectionDue,
        ReinspectionRestart, ReinspectionNoticeAndPlanning,
    ];
}
