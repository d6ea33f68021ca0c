using Scheduler.Domain.Rules;

namespace Scheduler.Application.Alerts.Links;

/// <summary>The alert roles in words, as the action page shows them.</summary>
public static class RoleNames
{
    /// <summary>The role's name: "Programme office", "Head of service".</summary>
    public static string Of(Role role) => role switch
    {
        Role.PO => "Programme office",
        Role.DCS => "Director of children's services",
        Role.CEX => "Chief executive",
        Role.IBC => "Improvement board chair",
        Role.DFE => "DfE case officer or adviser",
        Role.COM => "Commissioner",
        Role.OFS => "Ofsted",
        Role.IRO => "Independent reviewing officer",
        Role.CPC => "Child protection conference chair",
        Role.TM => "Team manager",
        Role.HOS => "Head of service",
        Role.SCR => "Scrutiny and Cabinet",
        _ => role.ToString(),
    };
}
