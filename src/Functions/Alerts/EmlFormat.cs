using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using Scheduler.Domain.Alerts.Composition;

namespace Scheduler.Functions.Alerts;

/// <summary>
/// Writes an <see cref="EmailMessage"/> as an RFC 5322 / MIME message: CRLF line ends, RFC 2047 encoded subject
/// when it is not plain ASCII, multipart/alternative with a base64 text part then a base64 HTML part.
/// </summary>
public static partial class EmlFormat
{
    private const string Crlf = "\r\n";

    /// <summary>The message text, dated <paramref name="date"/>.</summary>
    /// <exception cref="ArgumentException">An address or header contains a line break or is not an address.</exception>
    public static string Write(EmailMessage message, Instant date)
    {
        var boundary = "=_scheduler_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message.IdempotencyKey)))[..24];
        var eml = new StringBuilder();
        void Header(string name, string value) => eml.Append(name).Append(": ").Append(value).Append(Crlf);

        Header("From", Address(message.From, nameof(message.From)));
        Header("To", Address(message.To, nameof(message.To)));
        Header("Subject", EncodeHeaderValue(message.Subject));
        Header("Date", date.ToDateTimeOffset().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header("Message-ID", SingleLine(message.Headers.TryGetValue("Message-ID", out var id) ? id : $"<{message.IdempotencyKey}@scheduler.invalid>", "Message-ID"));
        Header("MIME-Version", "1.0");
        foreach (var (name, value) in message.Headers.Where(h => !h.Key.Equals("Message-ID", StringComparison.OrdinalIgnoreCase)).OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (!HeaderName().IsMatch(name))
            {
                throw new ArgumentException($"'{name}' is not a valid header name.", nameof(message));
            }

            Header(name, EncodeHeaderValue(SingleLine(value, name)));
        }

        Header("Content-Type", $"multipart/alternative;{Crlf} boundary=\"{boundary}\"");
        eml.Append(Crlf);
        eml.Append("This is a multi-part message in MIME format.").Append(Crlf);
        Part(eml, boundary, "text/plain", message.Text);
        Part(eml, boundary, "text/html", message.Html);
        eml.Append("--").Append(boundary).Append("--").Append(Crlf);
        return eml.ToString();
    }

    /// <summary>
    /// A header value as RFC 2047 encoded words (UTF-8, base64, folded) when it has non-ASCII characters or is
    /// too long for one line; otherwise unchanged.
    /// </summary>
    public static string EncodeHeaderValue(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~') && value.Length <= 900)
        {
            return value;
        }

        // At most 39 UTF-8 bytes → 52 base64 characters + 12 per word, so "Subject: " plus a word fits in 78.
        var words = new List<string>();
        var chunk = new StringBuilder();
        var bytes = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > 39)
            {
                words.Add(Word(chunk.ToString()));
                chunk.Clear();
                bytes = 0;
            }

            chunk.Append(rune.ToString());
            bytes += rune.Utf8SequenceLength;
        }

        if (chunk.Length > 0)
        {
            words.Add(Word(chunk.ToString()));
        }

        return string.Join(Crlf + " ", words);

        static string Word(string text) => $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}?=";
    }

    /// <summary>Decodes RFC 2047 encoded words (B and Q, UTF-8) in an unfolded header value.</summary>
    public static string DecodeHeaderValue(string value)
    {
        var unfolded = FoldBetweenWords().Replace(value.Replace(Crlf, string.Empty, StringComparison.Ordinal), "?==?");
        return EncodedWord().Replace(unfolded, m =>
        {
            var charset = Encoding.GetEncoding(m.Groups["charset"].Value);
            var text = m.Groups["text"].Value;
            return m.Groups["enc"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? charset.GetString(Convert.FromBase64String(text))
                : charset.GetString(QDecode(text));
        });
    }

    private static byte[] QDecode(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add(text[i] == '_' ? (byte)' ' : (byte)text[i]);
            }
        }

        return [.. bytes];
    }

    private static void Part(StringBuilder eml, string boundary, string mediaType, string body)
    {
        eml.Append("--").Append(boundary).Append(Crlf);
        eml.Append("Content-Type: ").Append(mediaType).Append("; charset=utf-8").Append(Crlf);
        eml.Append("Content-Transfer-Encoding: base64").Append(Crlf);
        eml.Append(Crlf);
        var normalised = body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", Crlf, StringComparison.Ordinal);
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(normalised));
        for (var i = 0; i < base64.Length; i += 76)
        {
            eml.Append(base64, i, Math.Min(76, base64.Length - i)).Append(Crlf);
        }
    }

    private static string Address(string address, string field)
    {
        if (!SimpleAddress().IsMatch(address))
        {
            throw new ArgumentException($"{field} '{address}' is not a plain email address.", field);
        }

        return address;
    }

    private static string SingleLine(string value, string name) =>
        value.Any(char.IsControl) ? throw new ArgumentException($"Header {name} contains a control character.", name) : value;

    [GeneratedRegex(@"^[^\s@<>()\[\]\\,;:""]+@[^\s@<>()\[\]\\,;:""]+$")]
    private static partial Regex SimpleAddress();

    [GeneratedRegex(@"^[!-9;-~]+$")]
    private static partial Regex HeaderName();

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<enc>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\?=[ \t]+=\?")]
    private static partial Regex FoldBetweenWords();
}
