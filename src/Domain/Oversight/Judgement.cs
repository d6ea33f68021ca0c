namespace Scheduler.Domain.Oversight;

/// <summary>Ofsted's overall effectiveness judgement.</summary>
public enum Judgement
{
    Inadequate,
    RequiresImprovement,
    Good,
    Outstanding,
}
