using System.Globalization;

namespace Scheduler.Application.Input;

/// <summary>
/// The character and length rules every string must pass before anything reads it, at the API and on the queue:
/// well-formed UTF-16 (no lone surrogate), no control characters (NUL, CR, LF, tab and the C1 controls included)
/// and no noncharacters (U+FFFE, U+FFFF), and a bounded length. Reasons name the rule, never the text.
/// </summary>
public static class TextRules
{
    /// <summary>The longest string value accepted anywhere (an acknowledgement's reason is the longest field).</summary>
    public const int MaxStringLength = 1_000;

    /// <summary>The longest field name accepted anywhere (rule ids, used as keys of parameter maps, are at most 80).</summary>
    public const int MaxFieldNameLength = 100;

    /// <summary>The longest number token accepted anywhere.</summary>
    public const int MaxNumberLength = 40;

    /// <summary>What is wrong with <paramref name="text"/>, or null when it passes.</summary>
    public static string? Problem(string text, int maxLength = MaxStringLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > maxLength)
        {
            return $"is longer than {maxLength.ToString("N0", CultureInfo.InvariantCulture)} characters";
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "is not well-formed text (it holds half of a surrogate pair)";
            }

            if (char.IsControl(c))
            {
                return $"contains a control character (U+{(int)c:X4}); no field takes control characters";
            }

            if (c is '\uFFFE' or '\uFFFF')
            {
                return $"contains the noncharacter U+{(int)c:X4}";
            }
        }

        return null;
    }
}
