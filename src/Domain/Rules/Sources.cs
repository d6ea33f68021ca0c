namespace Scheduler.Domain.Rules;

/// <summary>Titles of the public documents the rules cite, so every citation spells them the same way.</summary>
internal static class Sources
{
    public const string Handbook = "Ofsted, Monitoring and re-inspection of local authority children's services judged inadequate (May 2017)";
    public const string InspectionRegs = "SI 2007/462, Education and Inspections Act 2006 (Inspection of Local Authorities) Regulations 2007";
    public const string Pcf = "DfE, Putting children first (July 2016)";
    public const string Nao = "NAO, Children in need of help or protection (October 2016)";
    public const string Ilacs = "Ofsted, Inspecting local authority children's services (ILACS) framework";
    public const string CroydonCabinet = "LB Croydon, Cabinet report: Ofsted inspection of children's services (18 September 2017)";
    public const string CroydonScrutiny = "LB Croydon, Scrutiny and Overview Committee: update on the response to the Ofsted inspection (31 October 2017)";
    public const string CroydonInspection = "Ofsted, Inspection of services for children in need of help and protection, children looked after and care leavers: London Borough of Croydon (September 2017)";
    public const string CarePlanningRegs = "SI 2010/959, Care Planning, Placement and Case Review (England) Regulations 2010";
    public const string WorkingTogether = "HM Government, Working Together to Safeguard Children (statutory guidance)";
}
