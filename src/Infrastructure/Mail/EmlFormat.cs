using System.Security.Cryptography;
using System.Text;
using MimeKit;
using NodaTime;
using Scheduler.Domain.Alerts.Composition;

namespace Scheduler.Infrastructure.Mail;

/// <summary>
/// An <see cref="EmailMessage"/> as an RFC 5322 / MIME message (MimeKit): multipart/alternative with the text part
/// then the HTML part, the composer's headers, and a boundary derived from the digest key so the same email is the
/// same file byte for byte.
/// </summary>
public static class EmlFormat
{
    // RFC 5322 lines end in CRLF; MimeKit's default follows the platform (LF on Linux).
    private static readonly FormatOptions Crlf = CrlfOptions();

    /// <summary>The message dated <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentException">An address is not a plain address or a header value has a line break.</exception>
    public static MimeMessage ToMime(EmailMessage message, Instant date)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage { Subject = message.Subject, Date = date.ToDateTimeOffset() };
        mime.From.Add(Address(message.From, nameof(message.From)));
        mime.To.Add(Address(message.To, nameof(message.To)));
        mime.MessageId = message.Headers.TryGetValue("Message-ID", out var id) ? id.Trim('<', '>') : $"{message.IdempotencyKey}@scheduler.invalid";
        foreach (var (name, value) in message.Headers.Where(h => !h.Key.Equals("Message-ID", StringComparison.OrdinalIgnoreCase)).OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (value.Any(char.IsControl))
            {
                throw new ArgumentException($"Header {name} contains a control character.", nameof(message));
            }

            mime.Headers.Add(name, value);
        }

        var boundary = "=_scheduler_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey)))[..24];
        var body = new Multipart("alternative") { Boundary = boundary };
        body.Add(new TextPart("plain") { Text = Canonical(message.Text), ContentTransferEncoding = ContentEncoding.Base64 });
        body.Add(new TextPart("html") { Text = Canonical(message.Html), ContentTransferEncoding = ContentEncoding.Base64 });
        mime.Body = body;
        return mime;
    }

    /// <summary>The message text (CRLF line ends).</summary>
    public static async Task<byte[]> WriteAsync(EmailMessage message, Instant date, CancellationToken cancellationToken)
    {
        using var mime = ToMime(message, date);
        using var stream = new MemoryStream();
        await mime.WriteToAsync(Crlf, stream, cancellationToken).ConfigureAwait(false);
        return stream.ToArray();
    }

    private static MailboxAddress Address(string address, string field) =>
        MailboxAddress.TryParse(address, out var parsed) && parsed.Address == address.Trim() && !address.Contains('<', StringComparison.Ordinal)
            ? parsed
            : throw new ArgumentException($"{field} is not a plain email address.", field);

    // RFC 2046 4.1.1: the canonical form of a text part breaks lines with CRLF; base64 carries the bytes as they are.
    private static string Canonical(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);

    private static FormatOptions CrlfOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }
}
