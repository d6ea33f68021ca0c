using FsCheck;
using FsCheck.Fluent;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Tests.Alerts.AlertFixtures;

namespace Scheduler.Domain.Tests.Alerts;

/// <summary>Alert keys: deterministic, distinct, and safe as Table Storage RowKeys.</summary>
public sealed class AlertKeyTests
{
    private static readonly char[] Forbidden = ['/', '\\', '#', '?'];

    [Fact]
    public void Keys_are_deterministic_across_evaluations()
    {
        var first = Default().Evaluate(Croydon, ActionPlan(), D(2017, 12, 14), D(2017, 12, 13));
        var second = Default().Evaluate(Croydon, ActionPlan(), D(2017, 12, 14), D(2017, 12, 13));

        Assert.Equal(first.Select(a => a.Key), second.Select(a => a.Key));
        Assert.Equal(
            "episode.CRO.ep-2017-09.action_plan_submission.1.20171211.escalated-0.CEX",
            first.Single(a => a.RecipientRole == Role.CEX).Key);
    }

    [Fact]
    public void Keys_are_distinct_per_level_renotify_and_recipient()
    {
        var produced = Sweep(Default(), Croydon, ActionPlan(), D(2017, 11, 20), D(2018, 1, 12));
        var keys = produced.Values.SelectMany(a => a).Select(a => a.Key).ToList();

        // 2 + 2 + 2 (upcoming, due, overdue to PO, DCS) + 4 × 4 (escalated #0–#3 to PO, DCS, CEX, IBC).
        Assert.Equal(22, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Address_keys_differ_by_address_but_not_by_its_case()
    {
        var alert = Default().Evaluate(Croydon, ActionPlan(), D(2017, 12, 14), D(2017, 12, 13))[0];

        Assert.Equal(alert.KeyFor("PO@Croydon.example"), alert.KeyFor("po@croydon.example"));
        Assert.NotEqual(alert.KeyFor("po@croydon.example"), alert.KeyFor("dcs@croydon.example"));
        Assert.NotEqual(alert.Key, alert.KeyFor("po@croydon.example"));
    }

    [Fact]
    public void Forbidden_row_key_characters_are_escaped_as_utf8_hex()
    {
        // '/' = 0x2F, '#' = 0x23, '?' = 0x3F, '\' = 0x5C, '.' = 0x2E, 'é' = C3 A9 in UTF-8.
        Assert.Equal("CR~2F2017~231~3Fa~5Cb~2Ec~C3~A9", AlertKey.Escape("CR/2017#1?a\\b.cé"));
    }

    [Fact]
    public void Long_keys_are_hashed_to_255_characters_deterministically()
    {
        var longId = string.Concat(Enumerable.Repeat("CR/2017/", 40));
        var a = Default().Evaluate(AlertSubject.Case("CRO", longId + "A"), ActionPlan(), D(2017, 12, 14), D(2017, 12, 13))[0];
        var b = Default().Evaluate(AlertSubject.Case("CRO", longId + "B"), ActionPlan(), D(2017, 12, 14), D(2017, 12, 13))[0];

        Assert.Equal(AlertKey.MaxLength, a.Key.Length);
        Assert.Equal(a.Key, (a with { }).Key);
        Assert.NotEqual(a.Key, b.Key);
        Assert.Equal(a.Key[..100], b.Key[..100]);
        Assert.Matches("^[A-Za-z0-9_.~-]+$", a.Key);
    }

    [Fact]
    public void Every_key_is_row_key_safe()
    {
        Prop.ForAll<string>(id =>
        {
            var subject = AlertSubject.Case("CRO", id ?? string.Empty);
            var alerts = Default().Evaluate(subject, ActionPlan(), D(2017, 12, 14), D(2017, 12, 13));
            return alerts.All(x => x.Key.Length <= AlertKey.MaxLength
                && x.Key.IndexOfAny(Forbidden) < 0
                && !x.Key.Any(char.IsControl));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Steps_and_cycles_sharing_a_due_date_get_different_keys()
    {
        // The re-inspection notice and the end of the lead inspector's planning days both fall 2 working days before
        // fieldwork: one rule, one sequence, one due date, two steps.
        var notice = ActionPlan() with { Rule = "reinspection_notice_and_planning", Step = "notice_to_dcs" };
        var planning = notice with { Step = "lead_inspector_planning" };
        var secondCycle = ActionPlan() with { Cycle = 2 };
        var evaluator = Default();
        string Key(NodaTime.LocalDate day, Scheduler.Domain.Milestones.Milestone m) =>
            evaluator.Evaluate(Croydon, m, day, day.PlusDays(-1)).Single(a => a.RecipientRole == Role.PO).Key;

        Assert.Equal("episode.CRO.ep-2017-09.reinspection_notice_and_planning.1.20171211.s-notice_to_dcs.due-0.PO", Key(D(2017, 12, 11), notice));
        Assert.Equal("episode.CRO.ep-2017-09.reinspection_notice_and_planning.1.20171211.s-lead_inspector_planning.due-0.PO", Key(D(2017, 12, 11), planning));
        Assert.Equal("episode.CRO.ep-2017-09.action_plan_submission.1.20171211.c2.due-0.PO", Key(D(2017, 12, 11), secondCycle));
        Assert.Equal("episode.CRO.ep-2017-09.action_plan_submission.1.20171211.due-0.PO", Key(D(2017, 12, 11), ActionPlan()));
    }
}
