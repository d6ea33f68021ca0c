using System.ComponentModel.DataAnnotations;

namespace Scheduler.Application.Retention;

/// <summary>How long audit and alert-ledger rows are kept (section <c>Scheduler:Retention</c>).</summary>
public sealed class RetentionOptions
{
    /// <summary>Whole years; rows older than this are deleted, in whole months, by the first sweep of each month.</summary>
    [Range(1, 100)]
    public int Years { get; set; } = 6;
}
