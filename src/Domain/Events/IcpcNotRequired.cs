using NodaTime;

namespace Scheduler.Domain.Events;

/// <summary>Section 47 enquiries concluded that no initial child protection conference is needed.</summary>
public sealed record IcpcNotRequired(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.IcpcNotRequired;
}
