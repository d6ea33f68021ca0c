namespace Scheduler.Application.Ports;

/// <summary>The local outbox of .eml files that stands in for SendGrid when no key is configured.</summary>
public interface IOutbox
{
    /// <summary>The folder the files are written to.</summary>
    string Directory { get; }

    /// <summary>The emails in the outbox, newest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>One email in the local outbox.</summary>
/// <param name="FileName">The .eml file name (the digest key plus <c>.eml</c>).</param>
/// <param name="To">The recipient.</param>
/// <param name="Subject">The decoded subject line.</param>
/// <param name="MessageId">The Message-ID header.</param>
/// <param name="Date">The Date header.</param>
/// <param name="SizeBytes">The file's size.</param>
public sealed record OutboxEntry(string FileName, string To, string Subject, string MessageId, string Date, long SizeBytes);
