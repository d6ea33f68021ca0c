using NodaTime;
using Scheduler.Domain.Events;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.Alerts.Links;

/// <summary>
/// What the action page shows about one milestone: the authority, the episode or case reference, the milestone
/// with its dates and status, what the rule means and where it comes from, who is told, any acknowledgement
/// holding it, and the event that records it as done. Everything here is shown to whoever holds the link.
/// </summary>
public sealed record ActionPage
{
    /// <summary>The token the page was opened with (its forms post it back).</summary>
    public required string Token { get; init; }

    public required string AuthorityCode { get; init; }

    public required string AuthorityName { get; init; }

    public required SubjectKind SubjectKind { get; init; }

    /// <summary>The episode id or case reference, or <see cref="Scheduler.Domain.Alerts.Composition.SubjectReference.Withheld"/> when it does not look like one.</summary>
    public required string SubjectReference { get; init; }

    public required string MilestoneKey { get; init; }

    /// <summary>The milestone as computed today (after an action, as recomputed).</summary>
    public required Milestone Milestone { get; init; }

    /// <summary>False when the milestone is no longer in the calendar (an action answered it another way).</summary>
    public bool InCalendar { get; init; } = true;

    public required LocalDate Today { get; init; }

    /// <summary>One status line: "Overdue by 23 working days (was due Mon 11 Dec 2017)", "Met on …".</summary>
    public required string Status { get; init; }

    /// <summary>The alert level in words, while it is open and alerted; null otherwise.</summary>
    public string? LevelWord { get; init; }

    /// <summary>What the rule means in plain words.</summary>
    public required string Plain { get; init; }

    /// <summary>What the recipient is asked to do at the current level.</summary>
    public required string Ask { get; init; }

    /// <summary>The public source: regulation, guidance or handbook paragraph.</summary>
    public required string Source { get; init; }

    /// <summary>Who is told about the milestone, by role.</summary>
    public required IReadOnlyList<AudienceLine> Audience { get; init; }

    /// <summary>Working days overdue at which the escalation roles are told.</summary>
    public required int EscalateAfterWorkingDays { get; init; }

    /// <summary>Who the link was issued to: an address, or <c>feed:{keyId}</c> for a calendar subscription.</summary>
    public required string Recipient { get; init; }

    /// <summary>The acknowledgement holding the milestone today, or null.</summary>
    public AcknowledgementRecord? Acknowledgement { get; init; }

    /// <summary>The event that records it as done; null when nothing does (another body's step) or it is closed.</summary>
    public MeetingEvent? Meeting { get; init; }

    /// <summary>Whether it is met or no longer applies: nothing is left to do.</summary>
    public bool IsClosed => !InCalendar || Scheduler.Domain.Alerts.MilestoneClosure.IsClosed(Milestone);
}

/// <summary>One role told about a milestone, with the addresses it resolves to for this authority or case.</summary>
/// <param name="Role">The role code.</param>
/// <param name="Name">The role in words.</param>
/// <param name="Addresses">Its addresses (staff contacts and case assignees; empty when none is configured).</param>
/// <param name="OnEscalation">Told only once the milestone is escalated.</param>
/// <param name="Told">Whether alerts at the milestone's current level go to this role.</param>
public sealed record AudienceLine(Role Role, string Name, IReadOnlyList<string> Addresses, bool OnEscalation, bool Told);

/// <summary>What the action page answers.</summary>
public abstract record ActionPageOutcome;

/// <summary>The link cannot be used: nothing about the milestone is shown.</summary>
/// <param name="Reason">Why.</param>
/// <param name="ExpiredOn">For an expired link, its last valid day.</param>
public sealed record ActionPageRefused(ActionPageRefusal Reason, LocalDate? ExpiredOn = null) : ActionPageOutcome;

/// <summary>The page, with the result of an action or the errors that stopped it.</summary>
/// <param name="Page">The milestone as it stands now.</param>
/// <param name="Notice">What an action did; null on a plain view or a refused action.</param>
/// <param name="Errors">Field errors of a refused action (named as the API names them).</param>
/// <param name="Entered">The form fields as entered, to show again beside the errors.</param>
public sealed record ActionPageShown(ActionPage Page, ActionNotice? Notice = null, IReadOnlyList<FieldError>? Errors = null, IReadOnlyDictionary<string, string>? Entered = null)
    : ActionPageOutcome;

/// <summary>Why a link was refused.</summary>
public enum ActionPageRefusal
{
    /// <summary>Altered, truncated or not a link at all.</summary>
    NotValid,

    /// <summary>Past its last valid day.</summary>
    Expired,

    /// <summary>Issued to an address that is no longer a contact of the authority or the case (or a revoked feed key).</summary>
    NotARecipient,

    /// <summary>The authority, episode, case or milestone is no longer there.</summary>
    Gone,
}

/// <summary>What an action did.</summary>
public enum ActionNotice
{
    /// <summary>The acknowledgement is stored; reminders pause while it holds.</summary>
    Acknowledged,

    /// <summary>The event is recorded and the milestone recomputed.</summary>
    RecordedAsDone,

    /// <summary>The same event from this link was already recorded; nothing changed.</summary>
    AlreadyRecorded,
}
