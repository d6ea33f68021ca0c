using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Scheduler.Domain.Milestones;

namespace Scheduler.Domain.Alerts;

/// <summary>
/// A milestone's identity within an authority, for acknowledgements, action links and the API's
/// <c>{milestone_key}</c>: <c>{episode|case}.{subjectId}.{rule}.{cycle}.{sequence}[.{step}]</c>, for example
/// <c>episode.sif-2017-20170904.action_plan_submission.1.1</c> or
/// <c>case.CP-DEMO-001.icpc_15wd.1.1</c>. Every component is escaped as <see cref="AlertKey.Escape"/> does (only
/// <c>[A-Za-z0-9_-]</c> kept, anything else as <c>~XX</c> UTF-8 hex, so a '.' in a case reference is <c>~2E</c>),
/// which makes the key one URL path segment and a valid Table Storage key. The due date is not part of it: a
/// milestone keeps its key when its date moves (an acknowledgement records the due date separately).
/// </summary>
public static class MilestoneKeys
{
    private const string EpisodeKind = "episode";
    private const string CaseKind = "case";

    /// <summary>The key of <paramref name="milestone"/> of <paramref name="subject"/>.</summary>
    public static string For(AlertSubject subject, Milestone milestone) =>
        For(subject.Kind, subject.SubjectId, milestone);

    /// <summary>The key of one of a subject's milestones.</summary>
    public static string For(SubjectKind kind, string subjectId, Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return For(kind, subjectId, milestone.Rule, milestone.Cycle, milestone.Sequence, milestone.Step);
    }

    /// <summary>The key from its parts (as a due-index row or a ledger row holds them).</summary>
    public static string For(SubjectKind kind, string subjectId, string rule, int cycle, int sequence, string? step = null)
    {
        var parts = new List<string>(6)
        {
            kind == SubjectKind.Episode ? EpisodeKind : CaseKind,
            subjectId,
            rule,
            cycle.ToString(CultureInfo.InvariantCulture),
            sequence.ToString(CultureInfo.InvariantCulture),
        };
        if (step is not null)
        {
            parts.Add(step);
        }

        return string.Join('.', parts.Select(AlertKey.Escape));
    }

    /// <summary>
    /// Reads a key back into its parts. Only the exact form <see cref="For(SubjectKind, string, string, int, int, string?)"/>
    /// writes is accepted (so a key has one spelling): false for anything else.
    /// </summary>
    public static bool TryParse(string? key, [NotNullWhen(true)] out MilestoneKeyParts? parts)
    {
        parts = null;
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var components = key.Split('.');
        if (components.Length is not (5 or 6))
        {
            return false;
        }

        var values = new string[components.Length];
        for (var i = 0; i < components.Length; i++)
        {
            if (components[i].Length == 0 || !TryUnescape(components[i], out var value) || AlertKey.Escape(value) != components[i])
            {
                return false;
            }

            values[i] = value;
        }

        SubjectKind? kind = values[0] switch
        {
            EpisodeKind => SubjectKind.Episode,
            CaseKind => SubjectKind.Case,
            _ => null,
        };
        if (kind is null || !TryCount(values[3], out var cycle) || !TryCount(values[4], out var sequence))
        {
            return false;
        }

        parts = new MilestoneKeyParts(kind.Value, values[1], values[2], cycle, sequence, values.Length == 6 ? values[5] : null);
        return true;
    }

    // Canonical positive integers only ("1", not "01" or "+1"), so a key has one spelling.
    private static bool TryCount(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
        && value >= 1
        && value.ToString(CultureInfo.InvariantCulture) == text;

    // The inverse of AlertKey.Escape; hand-written because Uri.UnescapeDataString uses '%' and accepts anything.
    private static bool TryUnescape(string component, out string value)
    {
        value = string.Empty;
        var bytes = new List<byte>(component.Length);
        for (var i = 0; i < component.Length; i++)
        {
            var c = component[i];
            if (c != '~')
            {
                if (c > 0x7F)
                {
                    return false;
                }

                bytes.Add((byte)c);
                continue;
            }

            if (i + 2 >= component.Length
                || !byte.TryParse(component.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                return false;
            }

            bytes.Add(b);
            i += 2;
        }

        try
        {
            value = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString([.. bytes]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}

/// <summary>The parts of a milestone key: which subject, and which occurrence of which rule.</summary>
/// <param name="Kind">Episode or case.</param>
/// <param name="SubjectId">The episode id or council case reference.</param>
/// <param name="Rule">The rule id.</param>
/// <param name="Cycle">The cycle or series (1 unless a rule restarts or runs per placement).</param>
/// <param name="Sequence">The occurrence of the rule.</param>
/// <param name="Step">The step of a multi-step rule, or null.</param>
public sealed record MilestoneKeyParts(SubjectKind Kind, string SubjectId, string Rule, int Cycle, int Sequence, string? Step)
{
    /// <summary>The key within the subject, as <see cref="Milestone.Key"/> and <c>milestone_completed</c> write it.</summary>
    public string WithinSubject => Step is null ? $"{Rule}/{Cycle}/{Sequence}" : $"{Rule}/{Cycle}/{Sequence}/{Step}";

    /// <summary>Whether <paramref name="milestone"/> is this occurrence (its subject is the caller's to check).</summary>
    public bool Matches(Milestone milestone) =>
        milestone.Rule == Rule && milestone.Cycle == Cycle && milestone.Sequence == Sequence && milestone.Step == Step;
}
