using NodaTime;
using Scheduler.Domain.Alerts;

namespace Scheduler.Application.Alerts;

/// <summary>
/// Someone took ownership of a milestone (not of one recipient's alert): while it holds, the sweep sends nothing
/// for the milestone to anyone. It holds from <see cref="On"/> through <see cref="Until"/> (inclusive; open-ended
/// when null), and only while the milestone is open and still due on <see cref="Due"/>.
/// </summary>
/// <param name="Authority">The authority code (PartitionKey).</param>
/// <param name="MilestoneKey">The milestone, as <see cref="MilestoneKeys"/> writes it (RowKey).</param>
/// <param name="By">Who acknowledged: an API key id, or the recipient's address when acknowledged from an alert's page.</param>
/// <param name="Reason">Why; free text, never sent in digests.</param>
/// <param name="On">The day (Europe/London) it was acknowledged.</param>
/// <param name="Until">The last day it holds, or null.</param>
/// <param name="Due">The milestone's nominal due date it was made against: a new due date is a new question.</param>
/// <param name="At">When it was recorded.</param>
public sealed record AcknowledgementRecord(
    string Authority, string MilestoneKey, string By, string Reason, LocalDate On, LocalDate? Until, LocalDate Due, Instant At)
{
    /// <summary>The domain's acknowledgement, which the escalation evaluator and the views apply.</summary>
    public Acknowledgement ToDomain() => new(MilestoneKey, Due, By, On, Reason, Until);
}
