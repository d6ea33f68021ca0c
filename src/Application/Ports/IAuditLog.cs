using NodaTime;

namespace Scheduler.Application.Ports;

/// <summary>The append-only audit log.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry; an entry with a <see cref="AuditEntry.Key"/> already written is left as it is (no second row).</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>One authority's entries for the month containing <paramref name="month"/>, newest first.</summary>
    IAsyncEnumerable<AuditEntry> ReadMonthAsync(string authority, Instant month, CancellationToken cancellationToken);
}
