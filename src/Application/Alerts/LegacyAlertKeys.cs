using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Scheduler.Domain.Alerts;

namespace Scheduler.Application.Alerts;

/// <summary>
/// Reads the milestone out of an alert key (<see cref="AlertKey"/>:
/// <c>kind.authority.subject.rule.sequence.dueYYYYMMDD[.cN][.s-step].level-renotify.role[.address]</c>), for the
/// deprecated <c>POST …/alerts/{key}/acknowledge</c> route and for acknowledgement rows an earlier version stored
/// under an alert key. Components are kept in their escaped form: the milestone key escapes them the same way.
/// </summary>
public static partial class LegacyAlertKeys
{
    /// <summary>
    /// The milestone and due date <paramref name="alertKey"/> was made for, when it is an alert key of
    /// <paramref name="authority"/>; false for anything else (another authority's key, a malformed key). What follows
    /// the level (the role, the address, or the hash ending of a shortened key) is not needed and not read.
    /// </summary>
    public static bool TryParse(string authority, string? alertKey, out string milestoneKey, out LocalDate due)
    {
        milestoneKey = string.Empty;
        due = default;
        var parts = alertKey?.Split('.') ?? [];
        if (parts.Length < 8 || parts[0] is not ("episode" or "case") || parts[1] != AlertKey.Escape(authority)
            || !int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd").Parse(parts[5]) is not { Success: true } date)
        {
            return false;
        }

        var i = 6;
        var cycle = 1;
        if (CycleComponent().Match(parts[i]) is { Success: true } c)
        {
            cycle = int.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture);
            i++;
        }

        string? step = null;
        if (parts[i].StartsWith("s-", StringComparison.Ordinal) && parts[i].Length > 2)
        {
            step = parts[i][2..];
            i++;
        }

        if (i >= parts.Length || !LevelComponent().IsMatch(parts[i]))
        {
            return false;
        }

        var candidate = string.Join('.', new[] { parts[0], parts[2], parts[3], cycle.ToString(CultureInfo.InvariantCulture), sequence.ToString(CultureInfo.InvariantCulture) }
            .Concat(step is null ? [] : [step]));
        if (!MilestoneKeys.TryParse(candidate, out _))
        {
            return false;
        }

        milestoneKey = candidate;
        due = date.Value;
        return true;
    }

    [GeneratedRegex("^c([1-9][0-9]{0,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex CycleComponent();

    [GeneratedRegex("^(window-open|upcoming|due|overdue|escalated)-[0-9]{1,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex LevelComponent();
}
