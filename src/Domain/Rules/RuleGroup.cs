namespace Scheduler.Domain.Rules;

/// <summary>The rows of the alert routing matrix: rules in a group share their audiences and escalation defaults.</summary>
public enum RuleGroup
{
    /// <summary>Ofsted's timetable after an inadequate judgement (action planning visit, written statement of action, monitoring, re-inspection).</summary>
    OfstedPostInspection,

    /// <summary>The preparation and report deadlines around each monitoring visit.</summary>
    MonitoringVisit,

    /// <summary>Action plans under the ILACS framework.</summary>
    IlacsActionPlan,

    /// <summary>DfE intervention: improvement plan and notice, six-monthly reviews, commissioner.</summary>
    DfeIntervention,

    /// <summary>The authority's own improvement governance.</summary>
    LocalGovernance,

    /// <summary>Referral decisions and assessments.</summary>
    FrontDoor,

    /// <summary>Initial and review child protection conferences, core groups and visits to children on plans.</summary>
    ChildProtection,

    /// <summary>Looked-after children's reviews.</summary>
    LookedAfterReview,

    /// <summary>Statutory visits to looked-after children.</summary>
    StatutoryVisit,

    /// <summary>Other child-level duties: health assessments, IRO appointment, pathway needs assessment.</summary>
    OtherChildLevel,
}
