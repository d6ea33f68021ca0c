using NodaTime;
using Scheduler.Domain.Milestones;

namespace Scheduler.Domain.Alerts;

/// <summary>
/// Someone has taken ownership of a milestone (not of one recipient's alert): while it holds, no alert for the
/// milestone goes to anyone. It holds from <see cref="On"/> through <see cref="Until"/> (inclusive; open-ended when
/// null), and only while the milestone is open and still due on <see cref="Due"/>, the date it was made against:
/// a new due date is a new question, so the acknowledgement lapses rather than silently covering it.
/// </summary>
/// <param name="MilestoneKey">The milestone it belongs to, as <see cref="Alerts.MilestoneKey.For(AlertSubject, Milestone)"/> writes it.</param>
/// <param name="Due">The milestone's nominal due date when it was acknowledged.</param>
/// <param name="By">Who acknowledged (an email address or user id; never shown in digests).</param>
/// <param name="On">The day the acknowledgement was made.</param>
/// <param name="Reason">Why (free text; never shown in digests, because it may mention people).</param>
/// <param name="Until">The last day it holds, inclusive; null holds until the milestone is met or its due date changes.</param>
public sealed record Acknowledgement(string MilestoneKey, LocalDate Due, string By, LocalDate On, string Reason, LocalDate? Until = null)
{
    /// <summary>Whether this acknowledgement was made for this milestone at its current due date.</summary>
    public bool AppliesTo(string milestoneKey, Milestone milestone) =>
        string.Equals(MilestoneKey, milestoneKey, StringComparison.Ordinal) && Due == milestone.Due;

    /// <summary>Whether <paramref name="day"/> falls in the acknowledged period, <see cref="On"/> to <see cref="Until"/>.</summary>
    public bool Covers(LocalDate day) => day >= On && (Until is null || day <= Until.Value);

    /// <summary>
    /// Whether it holds alerts back for <paramref name="milestone"/> on <paramref name="day"/>: made for this
    /// milestone at its current due date, the milestone still open, and the day in the acknowledged period.
    /// </summary>
    public bool HoldsOn(string milestoneKey, Milestone milestone, LocalDate day) =>
        AppliesTo(milestoneKey, milestone) && !MilestoneClosure.IsClosed(milestone) && Covers(day);

    /// <summary>
    /// The acknowledgement holding <paramref name="milestone"/> on <paramref name="day"/>, for work lists and
    /// calendars (who, when, why, until when); the most recent if several hold; null if none does.
    /// </summary>
    public static Acknowledgement? Holding(IEnumerable<Acknowledgement> acknowledgements, string milestoneKey, Milestone milestone, LocalDate day) =>
        acknowledgements
            .Where(a => a.HoldsOn(milestoneKey, milestone, day))
            .OrderBy(a => a.On)
            .ThenBy(a => a.Until ?? LocalDate.MaxIsoValue)
            .LastOrDefault();
}
