using Scheduler.Domain.Alerts;
using Scheduler.Domain.Milestones;

namespace Scheduler.Contracts;

/// <summary>
/// One milestone for the iCalendar feed: the episode or case it belongs to (by episode id or council case
/// reference, never a name), the milestone, and optionally the link to its action page.
/// </summary>
/// <param name="Kind">Whether <paramref name="Reference"/> is an episode id or a case reference.</param>
/// <param name="Reference">The episode id or council case reference: shown in titles and part of every UID.</param>
/// <param name="Milestone">The milestone.</param>
public sealed record CalendarFeedEntry(SubjectKind Kind, string Reference, Milestone Milestone)
{
    /// <summary>
    /// The authority's code when the feed is an authority's (the API): UIDs then start <c>{authority}-{reference}</c>,
    /// as they always have there. Null in the CLI, whose UIDs start with the reference alone.
    /// </summary>
    public string? AuthorityCode { get; init; }

    /// <summary>An absolute link to the milestone's action page, written to the description and URL; none when null.</summary>
    public Uri? Link { get; init; }

    /// <summary>A milestone of an oversight episode.</summary>
    public static CalendarFeedEntry Episode(string episodeId, Milestone milestone) => new(SubjectKind.Episode, episodeId, milestone);

    /// <summary>A milestone of a child's case, known by the council's case reference.</summary>
    public static CalendarFeedEntry Case(string caseReference, Milestone milestone) => new(SubjectKind.Case, caseReference, milestone);
}
