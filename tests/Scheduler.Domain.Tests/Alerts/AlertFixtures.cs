using NodaTime;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;

namespace Scheduler.Domain.Tests.Alerts;

/// <summary>Milestones from the Croydon worked examples, and a day-by-day sweep simulator.</summary>
internal static class AlertFixtures
{
    public static readonly WorkingDayCalendar EW = WorkingDayCalendar.EnglandAndWales;

    public static readonly AlertSubject Croydon = AlertSubject.Episode("CRO", "ep-2017-09");

    public static LocalDate D(int y, int m, int d) => new(y, m, d);

    public static Milestone Deadline(
        string rule,
        RuleGroup group,
        LocalDate due,
        LocalDate? effective = null,
        LocalDate? earliest = null,
        MilestoneStatus status = MilestoneStatus.Upcoming,
        LocalDate? met = null) => new()
        {
            Rule = rule,
            Sequence = 1,
            Title = rule.Replace('_', ' '),
            Group = group,
            Earliest = earliest,
            Due = due,
            Effective = effective ?? due,
            Status = status,
            Met = met,
            Audience = [],
            Source = "test fixture",
        };

    /// <summary>Written statement of action due Mon 11 Dec 2017 (70 WD after Mon 4 Sep 2017).</summary>
    public static Milestone ActionPlan(MilestoneStatus status = MilestoneStatus.Upcoming, LocalDate? met = null) =>
        Deadline("action_plan_submission", RuleGroup.OfstedPostInspection, D(2017, 12, 11), status: status, met: met);

    /// <summary>The action planning visit window, 25th to 35th working day: Mon 9 – Mon 23 Oct 2017.</summary>
    public static Milestone ActionPlanningVisit(LocalDate? earliest = null) =>
        Deadline("action_planning_visit", RuleGroup.OfstedPostInspection, D(2017, 10, 23), earliest: earliest ?? D(2017, 10, 9));

    /// <summary>CP review conference with nominal date Mon 25 Dec 2017, effective Fri 22 Dec 2017 (P6).</summary>
    public static Milestone CpReviewOverChristmas() =>
        Deadline("cp_review_conference", RuleGroup.ChildProtection, D(2017, 12, 25), effective: D(2017, 12, 22));

    /// <summary>
    /// Runs a sweep on every calendar day in [from, to] with the watermark the evaluator recommends, skipping the
    /// days in <paramref name="outage"/> entirely (no run, watermark unchanged).
    /// </summary>
    public static SortedDictionary<LocalDate, IReadOnlyList<AlertCandidate>> Sweep(
        EscalationEvaluator evaluator,
        AlertSubject subject,
        Milestone milestone,
        LocalDate from,
        LocalDate to,
        MilestoneAlertState? state = null,
        Func<LocalDate, bool>? outage = null,
        LocalDate? watermark = null)
    {
        var produced = new SortedDictionary<LocalDate, IReadOnlyList<AlertCandidate>>();
        for (var day = from; day <= to; day = day.PlusDays(1))
        {
            if (outage?.Invoke(day) == true)
            {
                continue;
            }

            var alerts = evaluator.Evaluate(subject, milestone, day, watermark, state);
            if (alerts.Count > 0)
            {
                produced[day] = alerts;
            }

            watermark = evaluator.NextWatermark(watermark, day);
        }

        return produced;
    }

    public static EscalationEvaluator Default() => new(EscalationPolicy.Default, EW);

    /// <summary>The milestone key of the Croydon fixtures' action plan, written out by hand.</summary>
    public const string ActionPlanKey = "episode.ep-2017-09.action_plan_submission.1.1";

    /// <summary>An acknowledgement of the Croydon action plan (due Mon 11 Dec 2017) made on <paramref name="on"/>.</summary>
    public static Acknowledgement AckActionPlan(LocalDate on, LocalDate? until = null, string reason = "In hand", LocalDate? due = null) =>
        new(ActionPlanKey, due ?? D(2017, 12, 11), "po@croydon.example", on, reason, until);

    /// <summary>(level, renotify) of a day's alerts, which must agree across recipients.</summary>
    public static (AlertLevel Level, int Renotify) Single(IReadOnlyList<AlertCandidate> alerts)
    {
        var distinct = alerts.Select(a => (a.Level, a.Renotify)).Distinct().ToList();
        Assert.Single(distinct);
        return distinct[0];
    }
}
