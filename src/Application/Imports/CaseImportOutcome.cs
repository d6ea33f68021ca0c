namespace Scheduler.Application.Imports;

/// <summary>What an import did (or, in a dry run, would do) to one child's case.</summary>
public enum CaseImportOutcome
{
    /// <summary>The case did not exist and was created with the return's events.</summary>
    Created,

    /// <summary>The case existed; the return's events it lacked were added.</summary>
    Updated,

    /// <summary>Every event of the return is already on the case (by id, or by type and date): nothing written.</summary>
    Unchanged,

    /// <summary>The return contradicts the stored case (its type, or an event's details): reported, nothing written.</summary>
    Conflict,

    /// <summary>The domain refused one of the events beside the stored ones, or the write could not be made: reported, nothing written.</summary>
    Refused,
}
