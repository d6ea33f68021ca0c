using System.Text.RegularExpressions;
using NodaTime;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Alerts.Composition;

namespace Scheduler.Functions.Alerts;

/// <summary>
/// The local stand-in for SendGrid: one RFC 5322 .eml file per email in a folder, named by the digest key so a
/// retry overwrites its earlier attempt instead of adding a duplicate. Open the files in any mail client.
/// </summary>
public sealed partial class OutboxEmailSender(OutboxOptions options, IClock clock, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    /// <summary>The folder, resolved against the working directory.</summary>
    public string Directory { get; } = Path.GetFullPath(options.Directory);

    /// <inheritdoc />
    public async Task<DeliveryOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        string eml;
        try
        {
            eml = EmlFormat.Write(message, clock.GetCurrentInstant());
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
            await File.WriteAllTextAsync(temporary, eml, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The emails in the outbox, newest file first.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var entries = new List<OutboxEntry>();
        foreach (var file in new DirectoryInfo(Directory).EnumerateFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            var headers = ReadHeaders(await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false));
            entries.Add(new OutboxEntry(
                file.Name,
                headers.GetValueOrDefault("To", string.Empty),
                EmlFormat.DecodeHeaderValue(headers.GetValueOrDefault("Subject", string.Empty)),
                headers.GetValueOrDefault("Message-ID", string.Empty),
                headers.GetValueOrDefault("Date", string.Empty),
                file.Length));
        }

        return entries;
    }

    /// <summary>The file name for a key: the key itself when it is file-name safe, else its escaped form.</summary>
    public static string FileNameFor(string key) => (SafeFileName().IsMatch(key) ? key : AlertKey.Escape(key)) + ".eml";

    /// <summary>The header block of an .eml (folded lines joined), by name.</summary>
    public static Dictionary<string, string> ReadHeaders(string eml)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var end = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        string? name = null;
        foreach (var line in (end < 0 ? eml : eml[..end]).Split("\r\n"))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && name is not null)
            {
                headers[name] += "\r\n" + line;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                name = line[..colon];
                headers[name] = line[(colon + 1)..].TrimStart();
            }
        }

        return headers;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.~-]{0,250}$")]
    private static partial Regex SafeFileName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox: wrote {FileName} to {Directory}")]
    private static partial void LogWritten(ILogger logger, string fileName, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: could not write {FileName}: {Reason}")]
    private static partial void LogFailure(ILogger logger, string fileName, string reason);
}
