namespace Scheduler.Domain.Rules;

/// <summary>Who is told about a milestone: the role codes of the alert routing matrix.</summary>
public enum Role
{
    /// <summary>Improvement programme office.</summary>
    PO,

    /// <summary>Director of Children's Services.</summary>
    DCS,

    /// <summary>Chief Executive.</summary>
    CEX,

    /// <summary>Independent chair of the children's improvement board.</summary>
    IBC,

    /// <summary>DfE case officer or improvement adviser.</summary>
    DFE,

    /// <summary>DfE-appointed children's services commissioner.</summary>
    COM,

    /// <summary>Ofsted lead inspector, SHMI or regional director.</summary>
    OFS,

    /// <summary>Independent reviewing officer.</summary>
    IRO,

    /// <summary>Child protection conference chair.</summary>
    CPC,

    /// <summary>Team or unit manager, with the allocated social worker.</summary>
    TM,

    /// <summary>Head of service: the escalation tier above team managers, IROs and conference chairs.</summary>
    HOS,

    /// <summary>Scrutiny committee and Cabinet: receive reports, never real-time alerts.</summary>
    SCR,
}
