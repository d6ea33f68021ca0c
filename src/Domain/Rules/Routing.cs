namespace Scheduler.Domain.Rules;

/// <summary>The alert routing matrix: primary, escalation and informed roles per group of rules.</summary>
internal static class Routing
{
    public static readonly Role[] PoDcs = [Role.PO, Role.DCS];
    public static readonly Role[] DcsPo = [Role.DCS, Role.PO];
    public static readonly Role[] CexIbc = [Role.CEX, Role.IBC];
    public static readonly Role[] Cex = [Role.CEX];
    public static readonly Role[] OfsDfe = [Role.OFS, Role.DFE];
    public static readonly Role[] Ofs = [Role.OFS];
    public static readonly Role[] Com = [Role.COM];
    public static readonly Role[] DfeCom = [Role.DFE, Role.COM];
    public static readonly Role[] Po = [Role.PO];
    public static readonly Role[] IbcDcs = [Role.IBC, Role.DCS];
    public static readonly Role[] Scr = [Role.SCR];
    public static readonly Role[] Tm = [Role.TM];
    public static readonly Role[] HosDcs = [Role.HOS, Role.DCS];
    public static readonly Role[] CpcTm = [Role.CPC, Role.TM];
    public static readonly Role[] Iro = [Role.IRO];
    public static readonly Role[] IroTm = [Role.IRO, Role.TM];
    public static readonly Role[] IroHosDcs = [Role.IRO, Role.HOS, Role.DCS];
    public static readonly Role[] HosIro = [Role.HOS, Role.IRO];
}
