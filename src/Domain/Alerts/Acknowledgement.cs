using NodaTime;

namespace Scheduler.Domain.Alerts;

/// <summary>
/// Someone has taken ownership of a slipping milestone: alerts for it stop from <see cref="On"/> and, if
/// <see cref="Until"/> is set, resume on the first working day after it.
/// </summary>
/// <param name="By">Who acknowledged (an email address or user id; never shown in digests).</param>
/// <param name="On">The day the acknowledgement was made; alerts triggering on or after it are held back.</param>
/// <param name="Reason">Why (free text; never shown in digests, because it may mention people).</param>
/// <param name="Until">The last day it holds alerts back, inclusive; null holds them until the milestone is met.</param>
public sealed record Acknowledgement(string By, LocalDate On, string Reason, LocalDate? Until = null)
{
    /// <summary>Whether this acknowledgement holds back an alert whose trigger day is <paramref name="day"/>.</summary>
    public bool Covers(LocalDate day) => day >= On && (Until is null || day <= Until.Value);
}
