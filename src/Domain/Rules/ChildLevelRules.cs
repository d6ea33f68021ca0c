using static Scheduler.Domain.Rules.Routing;

namespace Scheduler.Domain.Rules;

/// <summary>Child-level practice timescales (catalogue E1–E24); they apply under every framework.</summary>
public static class ChildLevelRules
{
    private const string WorkingTogetherViaNao = $"{Sources.WorkingTogether}, as summarised in {Sources.Nao}, Figure 3";

    public static readonly RuleDefinition ReferralDecision = new()
    {
        Id = RuleIds.ReferralDecision,
        Reference = "E1",
        Title = "Decision on the referral",
        Plain = "A decision on what happens next must be made within one working day of a referral being received, and the referrer told.",
        Ask = "Make the decision on the referral and record it.",
        Owner = "Local authority (social worker and manager)",
        Trigger = "Referral received",
        Offset = RuleOffset.WorkingDays(1),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = Tm,
        Escalation = HosDcs,
        Group = RuleGroup.FrontDoor,
        Strength = RuleStrength.Guid,
        Source = $"{WorkingTogetherViaNao}; Pan-Sussex child protection procedures, Action on receipt of referrals",
    };

    public static readonly RuleDefinition Assessment = new()
    {
        Id = RuleIds.Assessment,
        Reference = "E2",
        Title = "Assessment completed",
        Plain = "A social work assessment must be completed within 45 working days of the referral.",
        Ask = "Complete the assessment and record it as done, or record why it is taking longer.",
        Owner = "Local authority (social worker)",
        Trigger = "Referral received (not the acceptance date)",
        Offset = RuleOffset.WorkingDays(45),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = Tm,
        Escalation = HosDcs,
        Group = RuleGroup.FrontDoor,
        Strength = RuleStrength.Guid,
        Source = $"{Sources.WorkingTogether}; {Sources.Nao}, para 2.22; {Sources.Pcf}, para 69",
        Ambiguity = "The NAO also writes \"45 days\": working days, as the guidance says.",
    };

    public static readonly RuleDefinition StrategyDiscussion = new()
    {
        Id = RuleIds.StrategyDiscussion,
        Reference = "E3",
        Title = "Strategy discussion",
        Plain = "A strategy discussion is held when there is reasonable cause to suspect that a child is suffering, or likely to suffer, significant harm. There is no national time limit, so a date is shown only if the council has set one.",
        Ask = "Hold the strategy discussion and record its date.",
        Owner = "Local authority, police and health",
        Trigger = "Referral received (reasonable cause to suspect significant harm)",
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = Tm,
        Escalation = HosDcs,
        Group = RuleGroup.FrontDoor,
        Strength = RuleStrength.Local,
        Source = "Local practice, for example Bexley safeguarding procedures, Section 47 enquiries (within 3 days); no national time limit",
        Ambiguity = "No national limit: computed only when the authority sets a limit in working days (default: none).",
    };

    public static readonly RuleDefinition Icpc = new()
    {
        Id = RuleIds.Icpc,
        Reference = "E4",
        Title = "Initial child protection conference",
        Plain = "An initial child protection conference must be held within 15 working days of the strategy discussion at which enquiries into significant harm started.",
        Ask = "Convene the conference and record the date it was held.",
        Owner = "Local authority, with the conference chair",
        Trigger = "Strategy discussion at which section 47 enquiries started (variant: section 47 start)",
        Offset = RuleOffset.WorkingDays(15),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = CpcTm,
        Escalation = HosDcs,
        Informed = Iro,
        Group = RuleGroup.ChildProtection,
        Strength = RuleStrength.Guid,
        Source = $"{WorkingTogetherViaNao}; DfE children in need census measure (LG Inform metric 3217)",
        Ambiguity = "Working Together counts from the strategy discussion, DfE statistics from the section 47 start: both are computed, the authority's choice first.",
    };

    public static readonly RuleDefinition CoreGroup = new()
    {
        Id = RuleIds.CoreGroup,
        Reference = "E5",
        Title = "Core group meeting",
        Plain = "The core group first meets within 10 working days of the initial child protection conference, then regularly, by default every six weeks.",
        Ask = "Hold the core group meeting and record its date.",
        Owner = "Social worker and team manager",
        Trigger = "Initial child protection conference; then the previous core group",
        Offset = RuleOffset.WorkingDays(10),
        RepeatInterval = RuleOffset.Weeks(6),
        Bound = BoundKind.Cadence,
        Repeat = RepeatMode.FromPreviousActual,
        Audience = Tm,
        Escalation = HosDcs,
        Group = RuleGroup.ChildProtection,
        Strength = RuleStrength.Local,
        Source = "Local practice, for example Newcastle safeguarding procedures, Core groups; Blackpool Safeguarding Children, Core group minutes",
        Ambiguity = "First within 10 working days of the conference, then every 4–6 weeks: both numbers are authority parameters.",
    };

    public static readonly RuleDefinition CpReviewFirst = new()
    {
        Id = RuleIds.CpReviewFirst,
        Reference = "E6",
        Title = "First child protection review conference",
        Plain = "The first child protection review conference must be held within three months of the initial conference.",
        Ask = "Hold the review conference and record the date it was held.",
        Owner = "Child protection conference chair",
        Trigger = "Initial child protection conference (actual date)",
        Offset = RuleOffset.Months(3),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = CpcTm,
        Escalation = HosDcs,
        Informed = Iro,
        Group = RuleGroup.ChildProtection,
        Strength = RuleStrength.Guid,
        Source = WorkingTogetherViaNao,
    };

    public static readonly RuleDefinition CpReviewSubsequent = new()
    {
        Id = RuleIds.CpReviewSubsequent,
        Reference = "E7",
        Title = "Child protection review conference",
        Plain = "Further child protection review conferences must be held at least every six months while the child has a plan.",
        Ask = "Hold the review conference and record the date it was held.",
        Owner = "Child protection conference chair",
        Trigger = "Previous review conference (actual date)",
        Offset = RuleOffset.Months(6),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.FromPreviousActual,
        Audience = CpcTm,
        Escalation = HosDcs,
        Informed = Iro,
        Group = RuleGroup.ChildProtection,
        Strength = RuleStrength.Guid,
        Source = WorkingTogetherViaNao,
    };

    public static readonly RuleDefinition CpPlanVisits = new()
    {
        Id = RuleIds.CpPlanVisits,
        Reference = "E8",
        Title = "Visit to a child on a child protection plan",
        Plain = "A child on a child protection plan is visited as often as the council's standard sets, by default every 10 working days.",
        Ask = "Visit the child and record the visit.",
        Owner = "Social worker and team manager",
        Trigger = "Initial child protection conference; then the previous visit (actual date)",
        Offset = RuleOffset.WorkingDays(10),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.FromPreviousActual,
        Audience = Tm,
        Escalation = HosDcs,
        Group = RuleGroup.ChildProtection,
        Strength = RuleStrength.Local,
        Source = "Local practice, for example Central Bedfordshire and Liverpool child protection procedures (every 10 working days); no national frequency",
        Ambiguity = "No national frequency: an authority parameter, default 10 working days.",
    };

    public static readonly RuleDefinition LacReviewFirst = new()
    {
        Id = RuleIds.LacReviewFirst,
        Reference = "E9",
        Title = "First looked-after review",
        Plain = "A looked-after child's first review must be held within 20 working days of the child becoming looked after.",
        Ask = "Hold the review and record the date it was held.",
        Owner = "Independent reviewing officer (the authority convenes)",
        Trigger = "Child becomes looked after",
        Offset = RuleOffset.WorkingDays(20),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = IroTm,
        Escalation = HosDcs,
        Group = RuleGroup.LookedAfterReview,
        Strength = RuleStrength.Stat2,
        Source = $"{Sources.CarePlanningRegs}, reg 33, as restated in Knowsley children's services procedures, Cared for children review process",
        Ambiguity = "Older council pages say 4 weeks or 28 days: 20 working days under the 2010 Regulations.",
    };

    public static readonly RuleDefinition LacReviewSecond = new()
    {
        Id = RuleIds.LacReviewSecond,
        Reference = "E10",
        Title = "Second looked-after review",
        Plain = "A looked-after child's second review must be held within three months of the first.",
        Ask = "Hold the review and record the date it was held.",
        Owner = "Independent reviewing officer",
        Trigger = "First looked-after review (actual date)",
        Offset = RuleOffset.Months(3),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = IroTm,
        Escalation = HosDcs,
        Group = RuleGroup.LookedAfterReview,
        Strength = RuleStrength.Stat2,
        Source = $"{Sources.CarePlanningRegs}, reg 33, as restated in Knowsley children's services procedures, Cared for children review process",
    };

    public static readonly RuleDefinition LacReviewSubsequent = new()
    {
        Id = RuleIds.LacReviewSubsequent,
        Reference = "E11",
        Title = "Looked-after review",
        Plain = "Later looked-after reviews must be held at least every six months while the child is looked after.",
        Ask = "Hold the review and record the date it was held.",
        Owner = "Independent reviewing officer",
        Trigger = "Previous looked-after review (actual date)",
        Offset = RuleOffset.Months(6),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.FromPreviousActual,
        Audience = IroTm,
        Escalation = HosDcs,
        Group = RuleGroup.LookedAfterReview,
        Strength = RuleStrength.Stat2,
        Source = $"{Sources.CarePlanningRegs}, reg 33, as restated in Knowsley children's services procedures, Cared for children review process",
    };

    public static readonly RuleDefinition LacVisitFirst = new()
    {
        Id = RuleIds.LacVisitFirst,
        Reference = "E12",
        Title = "First statutory visit in a placement",
        Plain = "The child's social worker must visit within one week of the start of any placement.",
        Ask = "Visit the child and record the visit.",
        Owner = "Local authority (the child's social worker)",
        Trigger = "Start of any placement",
        Offset = RuleOffset.Weeks(1),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = Tm,
        Escalation = IroHosDcs,
        Informed = Iro,
        Group = RuleGroup.StatutoryVisit,
        Strength = RuleStrength.Stat,
        Source = $"{Sources.CarePlanningRegs}, reg 28(2)(a)",
    };

    public static readonly RuleDefinition LacVisitFirstYear = new()
    {
        Id = RuleIds.LacVisitFirstYear,
        Reference = "E13",
        Title = "Statutory visit (first year of the placement)",
        Plain = "In the first year of a placement the child must be visited at least every six weeks.",
        Ask = "Visit the child and record the visit.",
        Owner = "Local authority (the child's social worker)",
        Trigger = "Previous statutory visit (actual date)",
        Offset = RuleOffset.Weeks(6),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.FromPreviousActual,
        Audience = Tm,
        Escalation = IroHosDcs,
        Group = RuleGroup.StatutoryVisit,
        Strength = RuleStrength.Stat,
        Source = $"{Sources.CarePlanningRegs}, reg 28(2)(b)",
    };

    public static readonly RuleDefinition LacVisitAfterFirstYear = new()
    {
        Id = RuleIds.LacVisitAfterFirstYear,
        Reference = "E14",
        Title = "Statutory visit (after the first year of the placement)",
        Plain = "After the first year of a placement the child must be visited at least every three months if the placement is meant to last until the child is 18, and otherwise every six weeks.",
        Ask = "Visit the child and record the visit.",
        Owner = "Local authority (the child's social worker)",
        Trigger = "Previous statutory visit (actual date)",
        Offset = RuleOffset.Months(3),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.FromPreviousActual,
        Audience = Tm,
        Escalation = IroHosDcs,
        Group = RuleGroup.StatutoryVisit,
        Strength = RuleStrength.Stat,
        Source = $"{Sources.CarePlanningRegs}, reg 28(2)(c)",
        Ambiguity = "3 months where the placement is intended to last until the child is 18; otherwise 6 weeks.",
    };

    public static readonly RuleDefinition LacVisitLongTermFoster = new()
    {
        Id = RuleIds.LacVisitLongTermFoster,
        Reference = "E15",
        Title = "Statutory visit (long-term foster placement)",
        Plain = "In a long-term foster placement that has lasted at least a year, visits may be every six months if the child agrees.",
        Ask = "Visit the child and record the visit.",
        Owner = "Local authority (the child's social worker)",
        Trigger = "Previous statutory visit (actual date)",
        Offset = RuleOffset.Months(6),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.FromPreviousActual,
        Audience = Tm,
        Escalation = IroHosDcs,
        Informed = Iro,
        Group = RuleGroup.StatutoryVisit,
        Strength = RuleStrength.Stat2,
        Source = $"{Sources.CarePlanningRegs}, reg 28(3A) (inserted by SI 2015/495), as restated in Hertfordshire children's services procedures, Statutory visits",
        Ambiguity = "Only in a long-term foster placement, after at least a year in it, and when the child agrees to fewer visits.",
    };

    public static readonly RuleDefinition LacVisitSpecialCases = new()
    {
        Id = RuleIds.LacVisitSpecialCases,
        Reference = "E16",
        Title = "Statutory visit (placement with a parent or connected person)",
        Plain = "A child placed with a parent or with a connected person is visited every week until the first review, then at least every four or six weeks depending on the arrangement.",
        Ask = "Visit the child and record the visit.",
        Owner = "Local authority (the child's social worker)",
        Trigger = "Placement start; then the previous statutory visit (actual date)",
        Offset = RuleOffset.Weeks(1),
        RepeatInterval = RuleOffset.Weeks(6),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.FromPreviousActual,
        Audience = Tm,
        Escalation = IroHosDcs,
        Group = RuleGroup.StatutoryVisit,
        Strength = RuleStrength.Stat,
        Source = $"{Sources.CarePlanningRegs}, reg 28(3)–(5)",
        Ambiguity = "Weekly until the first looked-after review, then 6 weeks (placed with a parent under reg 19) or 4 weeks (connected person under reg 24, interim care order at home); care order at home: within a week, then 6 weeks. Short breaks are agreed with the IRO and not computed.",
    };

    public static readonly RuleDefinition LacHealthAssessment = new()
    {
        Id = RuleIds.LacHealthAssessment,
        Reference = "E17",
        Title = "Health assessment",
        Plain = "A looked-after child's first health assessment is due within 20 working days of becoming looked after, then a review every six or twelve months depending on the child's age.",
        Ask = "Arrange the health assessment with health partners and record it once held.",
        Owner = "Local authority and health partners",
        Trigger = "Child becomes looked after; then the previous assessment",
        Offset = RuleOffset.WorkingDays(20),
        RepeatInterval = RuleOffset.Months(12),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.FromPreviousActual,
        Audience = Tm,
        Escalation = HosIro,
        Group = RuleGroup.OtherChildLevel,
        Strength = RuleStrength.Guid,
        Source = "DfE and DHSC statutory guidance, Promoting the health and wellbeing of looked-after children, as restated in Coventry children's services procedures, Statutory health care assessments",
        Ambiguity = "Reviews are 6-monthly under age 5 and yearly from 5: the worker records the interval, no date of birth is stored.",
    };

    public static readonly RuleDefinition IroAppointment = new()
    {
        Id = RuleIds.IroAppointment,
        Reference = "E18",
        Title = "Independent reviewing officer appointed",
        Plain = "An independent reviewing officer should be appointed within five working days of the child becoming looked after; the council sets this as good practice.",
        Ask = "Appoint the independent reviewing officer and record the appointment.",
        Owner = "Local authority",
        Trigger = "Child becomes looked after",
        Offset = RuleOffset.WorkingDays(5),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = Tm,
        Escalation = HosIro,
        Group = RuleGroup.OtherChildLevel,
        Strength = RuleStrength.Local,
        Source = "Good practice, Rochdale children's services procedures, Role of the IRO",
        Ambiguity = "Good practice, not verified in the IRO handbook: an authority parameter, default 5 working days.",
    };

    public static readonly RuleDefinition PathwayNeedsAssessment = new()
    {
        Id = RuleIds.PathwayNeedsAssessment,
        Reference = "E19",
        Title = "Pathway needs assessment completed",
        Plain = "A pathway needs assessment must be completed within three months of the child becoming an eligible child, usually at 16.",
        Ask = "Complete the assessment and record it as done.",
        Owner = "Local authority",
        Trigger = "Child becomes an eligible child (16th birthday, or later eligibility), as recorded by the worker",
        Offset = RuleOffset.Months(3),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = Tm,
        Escalation = HosIro,
        Informed = Iro,
        Group = RuleGroup.OtherChildLevel,
        Strength = RuleStrength.Stat,
        Source = $"{Sources.CarePlanningRegs}, reg 42(1)",
        Ambiguity = "The Croydon inspection report expects planning in the three months before the 16th birthday; the regulation gives three months after eligibility, which is implemented.",
    };

    public static readonly RuleDefinition CeaseLookingAfterApproval = new()
    {
        Id = RuleIds.CeaseLookingAfterApproval,
        Reference = "E20",
        Title = "Approval needed to stop looking after the child",
        Plain = "Once a child has been looked after for 20 working days, a decision to stop looking after them needs the approval of a nominated officer or the director of children's services.",
        Ask = "Get the approval before the child stops being looked after.",
        Owner = "Local authority (nominated officer or DCS)",
        Trigger = "Looked after for at least 20 working days",
        Bound = BoundKind.Flag,
        Repeat = RepeatMode.Once,
        Audience = Tm,
        Escalation = HosIro,
        Group = RuleGroup.OtherChildLevel,
        Strength = RuleStrength.Stat,
        Source = $"{Sources.CarePlanningRegs}, reg 39(4)",
        Ambiguity = "A flag on the decision, not a deadline.",
    };

    public static readonly RuleDefinition PrivateFosteringVisits = new()
    {
        Id = RuleIds.PrivateFosteringVisits,
        Reference = "E21",
        Title = "Visit to a privately fostered child",
        Plain = "A privately fostered child must be visited at least every six weeks in the first year of the arrangement, then at least every 12 weeks.",
        Ask = "Visit the child and record the visit.",
        Owner = "Local authority",
        Trigger = "Authority becomes aware of the arrangement; then the previous visit",
        Offset = RuleOffset.Weeks(6),
        RepeatInterval = RuleOffset.Weeks(12),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.FromPreviousActual,
        Audience = Tm,
        Escalation = HosIro,
        Group = RuleGroup.OtherChildLevel,
        Strength = RuleStrength.Stat,
        Source = "SI 2005/1533, Children (Private Arrangements for Fostering) Regulations 2005, reg 8",
        Ambiguity = "At most every 6 weeks in the first year of the arrangement, then at most every 12 weeks.",
    };

    public static readonly RuleDefinition AdopterAssessment = new()
    {
        Id = RuleIds.AdopterAssessment,
        Reference = "E22",
        Title = "Prospective adopter assessment completed",
        Plain = "The assessment of prospective adopters is expected to be completed within six months of starting.",
        Ask = "Complete the assessment and record it as done.",
        Owner = "Adoption agency",
        Trigger = "Assessment started",
        Offset = RuleOffset.Months(6),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = Tm,
        Escalation = HosIro,
        Group = RuleGroup.OtherChildLevel,
        Strength = RuleStrength.Unverified,
        Source = $"{Sources.CroydonInspection}, para 74",
        Ambiguity = "Known from an inspection report only; the national regulation was not read.",
    };

    public static readonly RuleDefinition CdopReview = new()
    {
        Id = RuleIds.CdopReview,
        Reference = "E23",
        Title = "Child death review completed",
        Plain = "Every child's death is reviewed by the partner agencies within a year of it being notified.",
        Ask = "Complete the child death review with the partner agencies and record it as done.",
        Owner = "Child death overview panel partners",
        Trigger = "Child's death notified",
        Offset = RuleOffset.Years(1),
        Bound = BoundKind.Deadline,
        Repeat = RepeatMode.Once,
        Audience = Tm,
        Escalation = HosDcs,
        Group = RuleGroup.OtherChildLevel,
        Strength = RuleStrength.Unverified,
        Source = $"{Sources.CroydonInspection}, para 130",
        Ambiguity = "Known from an inspection report only.",
    };

    public static readonly RuleDefinition LadoTracking = new()
    {
        Id = RuleIds.LadoTracking,
        Reference = "E24",
        Title = "Allegations against staff tracked",
        Plain = "Allegations against people who work with children are tracked by the designated officer; no timescale is set.",
        Ask = "Keep the allegation's progress up to date.",
        Owner = "Local authority (designated officer)",
        Trigger = "None set",
        Bound = BoundKind.OpenItem,
        Repeat = RepeatMode.Once,
        Audience = Tm,
        Escalation = HosDcs,
        Group = RuleGroup.OtherChildLevel,
        Strength = RuleStrength.Local,
        Source = $"{Sources.CroydonInspection}, para 42",
        Ambiguity = "No timescale in any source: not computed.",
    };

    /// <summary>Every E rule, in catalogue order.</summary>
    public static IReadOnlyList<RuleDefinition> All { get; } =
    [
        ReferralDecision, Assessment, StrategyDiscussion, Icpc, CoreGroup, CpReviewFirst, CpReviewSubsequent, CpPlanVisits,
        LacReviewFirst, LacReviewSecond, LacReviewSubsequent, LacVisitFirst, LacVisitFirstYear, LacVisitAfterFirstYear,
        LacVisitLongTermFoster, LacVisitSpecialCases, LacHealthAssessment, IroAppointment, PathwayNeedsAssessment,
        CeaseLookingAfterApproval, PrivateFosteringVisits, AdopterAssessment, CdopReview, LadoTracking,
    ];
}
