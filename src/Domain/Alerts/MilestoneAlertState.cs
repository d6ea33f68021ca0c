using NodaTime;

namespace Scheduler.Domain.Alerts;

/// <summary>What the sweep knows about a milestone beyond its computed dates: acknowledgements and an agreed date.</summary>
/// <param name="Acknowledgements">Every acknowledgement recorded for the milestone, in any order.</param>
/// <param name="AgreedDate">For a window: the date agreed within it (for example with Ofsted); it silences the window alerts.</param>
public sealed record MilestoneAlertState(IReadOnlyList<Acknowledgement> Acknowledgements, LocalDate? AgreedDate = null)
{
    /// <summary>Nothing recorded.</summary>
    public static MilestoneAlertState None { get; } = new([]);
}
