using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Alerts.Composition;

namespace Scheduler.Infrastructure.Mail;

/// <summary>
/// The local stand-in for SendGrid: one RFC 5322 .eml file per email in a folder, named by the digest key so a
/// retry overwrites its earlier attempt instead of adding a duplicate. Open the files in any mail client.
/// </summary>
public sealed partial class OutboxEmailSender(IOptions<OutboxOptions> options, IClock clock, ILogger<OutboxEmailSender> logger) : IEmailSender, IOutbox
{
    /// <inheritdoc />
    public string Directory { get; } = Path.GetFullPath(options.Value.Directory);

    /// <inheritdoc />
    public async Task<DeliveryOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        byte[] eml;
        try
        {
            eml = await EmlFormat.WriteAsync(message, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            return new DeliveryOutcome.Permanent(ex.Message);
        }

        var fileName = FileNameFor(message.IdempotencyKey);
        var path = Path.Combine(Directory, fileName);
        var temporary = path + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);

            // Write then move, so a reader never sees half a message and a retry replaces the file whole.
            await File.WriteAllBytesAsync(temporary, eml, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        catch (UnauthorizedAccessException ex)
        {
            LogFailure(logger, fileName, ex.Message);
            return new DeliveryOutcome.Permanent($"Outbox folder is not writable: {ex.Message}");
        }
        catch (IOException ex)
        {
            LogFailure(logger, fileName, ex.Message);
            return new DeliveryOutcome.Transient($"Outbox write failed: {ex.Message}");
        }

        LogWritten(logger, fileName, Directory);
        return new DeliveryOutcome.Sent(fileName);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var entries = new List<OutboxEntry>();
        foreach (var file in new DirectoryInfo(Directory).EnumerateFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            using var mime = await MimeMessage.LoadAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            entries.Add(new OutboxEntry(
                file.Name,
                string.Join(", ", mime.To.Mailboxes.Select(m => m.Address)),
                mime.Subject ?? string.Empty,
                mime.MessageId is { } id ? $"<{id}>" : string.Empty,
                mime.Headers[HeaderId.Date] ?? string.Empty,
                file.Length));
        }

        return entries;
    }

    /// <summary>The file name for a key: the key itself when it is file-name safe, else its escaped form.</summary>
    public static string FileNameFor(string key) => (SafeFileName().IsMatch(key) ? key : AlertKey.Escape(key)) + ".eml";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.~-]{0,250}$")]
    private static partial Regex SafeFileName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: wrote {FileName} to {Directory}")]
    private static partial void LogWritten(ILogger logger, string fileName, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: could not write {FileName}: {Reason}")]
    private static partial void LogFailure(ILogger logger, string fileName, string reason);
}
