using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Scheduler.Domain.Alerts;

/// <summary>
/// Deterministic alert keys: subject · milestone (rule, sequence, due date, and the cycle and step when there are
/// any) · level and re-notify index · recipient.
/// Safe as a Table Storage RowKey and in a URL path: only <c>[A-Za-z0-9_-]</c>, <c>.</c> between components and
/// <c>~XX</c> escapes (UTF-8 bytes in hex) for anything else; at most 255 characters (longer keys keep a prefix
/// and end in <c>~h</c> plus the SHA-256 of the full key).
/// </summary>
public static class AlertKey
{
    /// <summary>The longest key produced.</summary>
    public const int MaxLength = 255;

    private const int HashLength = 64;

    /// <summary>The key of one alert to one recipient role.</summary>
    public static string For(AlertCandidate candidate) => Build(Components(candidate));

    /// <summary>The key of one alert to one resolved address (lower-cased, so case never makes a second alert).</summary>
    public static string For(AlertCandidate candidate, string recipientAddress) =>
        Build([.. Components(candidate), recipientAddress.Trim().ToLowerInvariant()]);

    /// <summary>Joins escaped components and shortens the result if it exceeds <see cref="MaxLength"/>.</summary>
    public static string Build(IEnumerable<string> components)
    {
        var key = string.Join('.', components.Select(Escape));
        if (key.Length <= MaxLength)
        {
            return key;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return string.Concat(key.AsSpan(0, MaxLength - HashLength - 2), "~h", hash);
    }

    /// <summary>Escapes one component: keeps <c>[A-Za-z0-9_-]</c>, writes every other UTF-8 byte as <c>~XX</c>.</summary>
    public static string Escape(string component)
    {
        var builder = new StringBuilder(component.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in component.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '_' or '-'))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('~').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static List<string> Components(AlertCandidate c)
    {
        var components = new List<string>(10)
        {
            c.SubjectKind == SubjectKind.Episode ? "episode" : "case",
            c.AuthorityCode,
            c.SubjectId,
            c.Rule,
            c.Sequence.ToString(CultureInfo.InvariantCulture),
            c.Due.ToString("uuuuMMdd", CultureInfo.InvariantCulture),
        };

        // Two steps of one rule can share a due date (the re-inspection notice and the end of the planning days),
        // and two placements can: cycle and step keep them apart. Absent for cycle 1 without a step, so those
        // keys are the ones earlier versions wrote.
        if (c.Cycle != 1)
        {
            components.Add("c" + c.Cycle.ToString(CultureInfo.InvariantCulture));
        }

        if (c.Step is not null)
        {
            components.Add("s-" + c.Step);
        }

        components.Add($"{LevelName(c.Level)}-{c.Renotify.ToString(CultureInfo.InvariantCulture)}");
        components.Add(c.RecipientRole.ToString());
        return components;
    }

    /// <summary>The lower-case name of a level as it appears in keys and JSON.</summary>
    public static string LevelName(AlertLevel level) => level switch
    {
        AlertLevel.WindowOpen => "window-open",
        AlertLevel.Upcoming => "upcoming",
        AlertLevel.Due => "due",
        AlertLevel.Overdue => "overdue",
        AlertLevel.Escalated => "escalated",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown alert level."),
    };
}
