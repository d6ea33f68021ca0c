using NodaTime;

namespace Scheduler.Domain.Alerts;

/// <summary>What the sweep knows about a milestone beyond its computed dates: alerting history, acknowledgements, an agreed date.</summary>
/// <param name="Acknowledgements">The acknowledgements recorded for the milestone, in any order (ones made for another
/// milestone or another due date are ignored).</param>
/// <param name="AgreedDate">For a window: the date agreed within it (for example with Ofsted); it silences the window alerts.</param>
/// <param name="FirstSight">
/// True when no alert has been recorded yet for this milestone at its current nominal due date (a milestone just
/// created, imported overdue, or whose due date has moved). The evaluator then produces the milestone's current
/// state whatever the last evaluated day; the sweep clears the flag once it has recorded an alert for it.
/// </param>
public sealed record MilestoneAlertState(
    IReadOnlyList<Acknowledgement> Acknowledgements,
    LocalDate? AgreedDate = null,
    bool FirstSight = false)
{
    /// <summary>Nothing recorded, and already alerted before (the normal cadence applies).</summary>
    public static MilestoneAlertState None { get; } = new([]);

    /// <summary>Nothing recorded, and no alert yet at the current due date.</summary>
    public static MilestoneAlertState NotYetAlerted { get; } = new([], FirstSight: true);
}
