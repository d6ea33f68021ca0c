using NodaTime;

namespace Scheduler.Application.Alerts;

/// <summary>
/// An acknowledgement as the API shows it, on its own and on every work-list item and milestone it holds: the
/// milestone, who acknowledged, when, why, until when, and the due date it was made against.
/// </summary>
public sealed record AcknowledgementView(string MilestoneKey, string By, LocalDate On, string Reason, LocalDate? Until, LocalDate Due, Instant At)
{
    /// <summary>Maps a stored acknowledgement.</summary>
    public static AcknowledgementView From(AcknowledgementRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.MilestoneKey, record.By, record.On, record.Reason, record.Until, record.Due, record.At);
    }
}
