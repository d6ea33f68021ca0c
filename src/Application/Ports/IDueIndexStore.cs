using NodaTime;

namespace Scheduler.Application.Ports;

/// <summary>The due-date index: one row per open milestone, keyed by its effective date so the sweep reads one range.</summary>
public interface IDueIndexStore
{
    /// <summary>Every open milestone whose effective date is on or before <paramref name="through"/>, in date order.</summary>
    IAsyncEnumerable<DueIndexRow> ReadOpenAsync(LocalDate through, CancellationToken cancellationToken);

    /// <summary>The compact keys of every row (of one authority, or all when null).</summary>
    IAsyncEnumerable<string> ListKeysAsync(string? authority, CancellationToken cancellationToken);

    /// <summary>
    /// Writes rows unconditionally (they are derived data), merging into an existing row so that what only the
    /// sweep writes (<see cref="DueIndexRow.AlertedDue"/>) is kept.
    /// </summary>
    Task UpsertAsync(IEnumerable<DueIndexRow> rows, CancellationToken cancellationToken);

    /// <summary>Records that an alert has been recorded for the row's milestone at nominal due date <paramref name="due"/>; a missing row is fine.</summary>
    Task MarkAlertedAsync(DueIndexKey key, LocalDate due, CancellationToken cancellationToken);

    /// <summary>Deletes rows by compact key; missing rows are fine.</summary>
    Task DeleteAsync(IEnumerable<string> compactKeys, CancellationToken cancellationToken);
}
