using Scheduler.Domain.Children;
using Scheduler.Domain.Events;
using Scheduler.Domain.Rules;

namespace Scheduler.Returns.Cin;

/// <summary>
/// Maps one census child to a child protection case. The case follows the child's current CINdetails (the open one
/// with the latest referral, else the latest) and, within it, one child protection track: the latest plan, unless a
/// section 47 enquiry started after that plan ended, in which case that enquiry. Scheduler keeps one referral, one
/// conference and one plan per case; what the case does not follow is noted, not imported.
/// </summary>
internal sealed class CinMapper(ImportOptions options, ProblemLog problems)
{
    public List<string> Notes { get; } = [];

    /// <summary>Children whose current episode has no section 47 enquiry and no plan (children in need only): not imported.</summary>
    public int WithoutChildProtection { get; private set; }

    public ImportedCase? Map(CinChild child, string file)
    {
        var id = child.Id!;
        if (problems.IsBlocked(id) || child.Episodes.Count == 0)
        {
            return null;
        }

        var episode = child.Episodes.Where(e => e.Closure is null).MaxBy(e => e.Referral!.Date) ?? child.Episodes.MaxBy(e => e.Referral!.Date)!;
        if (child.Episodes.Count > 1)
        {
            Notes.Add($"child {id}: {child.Episodes.Count - 1} other CINdetails in the return not imported; the case follows the referral of {ReturnDates.Iso(episode.Referral!.Date)}.");
        }

        if (episode.Enquiries.Count == 0 && episode.Plans.Count == 0)
        {
            WithoutChildProtection++;
            return null;
        }

        var events = new CaseEvents(id);
        var referral = episode.Referral!;
        events.Add(EventTypes.ReferralReceived, referral.Date, Source(file, referral));
        Assessment(id, file, episode, events);
        ChildProtection(id, file, episode, events);
        if (episode.Closure is { } closure)
        {
            events.Add(EventTypes.CaseClosed, closure.Date, Source(file, closure));
        }

        if (problems.IsBlocked(id))
        {
            return null;
        }

        var imported = events.Build(CaseType.ChildProtection);
        return CaseEvents.FitsTogether(imported, options.Calendar, options.Today, problems) ? imported : null;
    }

    private void Assessment(string id, string file, CinEpisode episode, CaseEvents events)
    {
        var referral = episode.Referral!.Date;
        foreach (var a in episode.Assessments)
        {
            if (a.Started is { } s && s.Date < referral)
            {
                problems.Add(id, file, s.Line, s.Element, $"child {id}: {s.Element} {ReturnDates.Iso(s.Date)} is before the referral ({ReturnDates.Iso(referral)}).");
            }

            if (a.Authorised is { } done && a.Started is { } started && done.Date < started.Date)
            {
                problems.Add(id, file, done.Line, done.Element, $"child {id}: {done.Element} {ReturnDates.Iso(done.Date)} is before the assessment started ({ReturnDates.Iso(started.Date)}).");
            }
        }

        // E2 counts 45 working days from the referral to the first completed (authorised) assessment.
        var completed = episode.Assessments.Select(a => a.Authorised).OfType<DateAt>().Where(d => d.Date >= referral).MinBy(d => d.Date);
        if (completed is not null)
        {
            events.Add(EventTypes.MilestoneCompleted, completed.Date, Source(file, completed), milestoneRule: RuleIds.Assessment);
        }

        // E1: the census does not record the decision on the referral, only what followed it. An assessment or a
        // strategy discussion cannot start before the decision, so the earliest of them is the latest date it can
        // have been made: recorded as met then, the milestone is never shown met earlier than it was.
        var followed = episode.Assessments.Select(a => a.Started)
            .Concat(episode.Enquiries.Select(e => e.Started))
            .OfType<DateAt>()
            .Where(d => d.Date >= referral)
            .MinBy(d => d.Date);
        if (followed is not null)
        {
            events.Add(EventTypes.MilestoneCompleted, followed.Date, Source(file, followed), milestoneRule: RuleIds.ReferralDecision);
        }
    }

    private void ChildProtection(string id, string file, CinEpisode episode, CaseEvents events)
    {
        var plan = episode.Plans.Where(p => p.Start is not null).MaxBy(p => p.Start!.Date);
        var enquiry = episode.Enquiries.Where(e => e.Started is not null).MaxBy(e => e.Started!.Date);
        var followPlan = plan is not null && !(enquiry is not null && plan.End is { } ended && enquiry.Started!.Date > ended.Date);
        var others = episode.Plans.Count + episode.Enquiries.Count - 1;

        if (followPlan)
        {
            // The plan starts at the conference that made it (the census checks both dates agree, rule 2885).
            var start = plan!.Start!;
            events.Add(EventTypes.IcpcHeld, start.Date, Source(file, start));
            var leading = episode.Enquiries.Where(e => e.Started is { } s && s.Date <= start.Date).MaxBy(e => e.Started!.Date);
            if (leading is not null)
            {
                events.Add(EventTypes.StrategyDiscussion, leading.Started!.Date, Source(file, leading.Started));
                others--;
            }

            foreach (var review in plan.Reviews)
            {
                if (review.Date < start.Date)
                {
                    problems.Add(id, file, review.Line, review.Element, $"child {id}: the review conference on {ReturnDates.Iso(review.Date)} is before the plan started ({ReturnDates.Iso(start.Date)}).");
                    continue;
                }

                events.Add(EventTypes.CpReviewHeld, review.Date, Source(file, review));
            }

            if (plan.End is { } end)
            {
                events.Add(EventTypes.CpPlanEnded, end.Date, Source(file, end));
            }
        }
        else if (enquiry is not null)
        {
            var started = enquiry.Started!;
            events.Add(EventTypes.StrategyDiscussion, started.Date, Source(file, started));
            if (enquiry.Icpc is { } icpc)
            {
                // A conference with no plan in the episode decided against one: nothing of a plan falls due.
                events.Add(EventTypes.IcpcHeld, icpc.Date, Source(file, icpc));
                events.Add(EventTypes.CpPlanEnded, icpc.Date, Source(file, icpc));
            }
            else if (enquiry.IcpcNotRequired)
            {
                events.Add(EventTypes.IcpcNotRequired, started.Date, new ImportSource(file, enquiry.IcpcNotRequiredLine, "ICPCnotRequired"));
            }
        }

        if (others > 0)
        {
            Notes.Add($"child {id}: {others} other section 47 enquiry or plan record(s) in the current CINdetails not imported; the case follows one enquiry and plan.");
        }
    }

    private static ImportSource Source(string file, DateAt at) => new(file, at.Line, at.Element);
}
