namespace Scheduler.Domain.Oversight;

/// <summary>Which DfE route an inadequate authority is on.</summary>
public enum InterventionRoute
{
    /// <summary>Not recorded: inferred from whether a commissioner has been appointed.</summary>
    Unknown,

    /// <summary>Improvement adviser, diagnostic and improvement notice (no persistent or systemic failure).</summary>
    ImprovementNotice,

    /// <summary>Statutory direction and commissioner (persistent or systemic failure).</summary>
    DirectionAndCommissioner,
}
