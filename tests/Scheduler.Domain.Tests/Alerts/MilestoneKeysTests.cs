using FsCheck;
using FsCheck.Fluent;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Tests.Alerts.AlertFixtures;

namespace Scheduler.Domain.Tests.Alerts;

/// <summary>Milestone keys: unique within an authority, one URL path segment, and read back exactly.</summary>
public sealed class MilestoneKeysTests
{
    [Fact]
    public void Keys_name_the_subject_and_the_occurrence()
    {
        Assert.Equal(
            "episode.sif-2017-20170904.action_plan_submission.1.1",
            MilestoneKeys.For(AlertSubject.Episode("croydon", "sif-2017-20170904"), ActionPlan()));
        Assert.Equal(
            "episode.ep-1.mv_pre_visit_milestones.2.3.data_request",
            MilestoneKeys.For(SubjectKind.Episode, "ep-1", "mv_pre_visit_milestones", 2, 3, "data_request"));

        // A '.' in a case reference is escaped (0x2E), so the separators stay unambiguous.
        Assert.Equal("case.CR~2E2017~2E42.icpc_15wd.1.1", MilestoneKeys.For(SubjectKind.Case, "CR.2017.42", "icpc_15wd", 1, 1));
    }

    [Fact]
    public void Candidates_carry_the_key_of_their_milestone()
    {
        var alert = Default().Evaluate(Croydon, ActionPlan() with { Cycle = 2 }, D(2017, 12, 14), D(2017, 12, 13))[0];

        Assert.Equal("episode.ep-2017-09.action_plan_submission.2.1", alert.MilestoneKey);
    }

    [Fact]
    public void Keys_read_back_into_their_parts()
    {
        Assert.True(MilestoneKeys.TryParse("case.CR~2E2017~2E42.lac_visit_first.3.1", out var parts));
        Assert.Equal(new MilestoneKeyParts(SubjectKind.Case, "CR.2017.42", "lac_visit_first", 3, 1, null), parts);
        Assert.Equal("lac_visit_first/3/1", parts.WithinSubject);

        Assert.True(MilestoneKeys.TryParse("episode.ep-1.mv_report_timeline.1.2.draft_to_la", out var step));
        Assert.Equal("mv_report_timeline/1/2/draft_to_la", step.WithinSubject);
        Assert.True(step.Matches(ActionPlan() with { Rule = "mv_report_timeline", Sequence = 2, Step = "draft_to_la" }));
        Assert.False(step.Matches(ActionPlan() with { Rule = "mv_report_timeline", Sequence = 2, Step = "publication" }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("episode.ep-1.action_plan_submission.1")]
    [InlineData("episode.ep-1.action_plan_submission.1.1.step.extra")]
    [InlineData("subject.ep-1.action_plan_submission.1.1")]
    [InlineData("episode..action_plan_submission.1.1")]
    [InlineData("episode.ep-1.action_plan_submission.0.1")]
    [InlineData("episode.ep-1.action_plan_submission.01.1")]
    [InlineData("episode.ep-1.action_plan_submission.1.-1")]
    [InlineData("case.CR~2e42.icpc_15wd.1.1")]
    [InlineData("case.CR~41.icpc_15wd.1.1")]
    [InlineData("case.CR/42.icpc_15wd.1.1")]
    [InlineData("case.CR~4.icpc_15wd.1.1")]
    [InlineData("case.CR~FF.icpc_15wd.1.1")]
    public void Anything_but_the_exact_written_form_is_refused(string key)
    {
        Assert.False(MilestoneKeys.TryParse(key, out _));
    }

    [Fact]
    public void Every_key_is_a_url_path_segment_and_row_key_safe_and_round_trips()
    {
        Prop.ForAll<NonEmptyString, PositiveInt, PositiveInt>((generated, cycle, sequence) =>
        {
            var hasStep = sequence.Get % 2 == 0;
            // Text is well-formed UTF-16 (a lone surrogate has no UTF-8 form to escape).
            var id = "x" + new string([.. generated.Get.Where(c => !char.IsSurrogate(c))]);
            var step = hasStep ? "step/" + id : null;
            var key = MilestoneKeys.For(SubjectKind.Case, id, RuleIds.CpPlanVisits, cycle.Get, sequence.Get, step);
            return key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '~')
                && MilestoneKeys.TryParse(key, out var parts)
                && parts == new MilestoneKeyParts(SubjectKind.Case, id, RuleIds.CpPlanVisits, cycle.Get, sequence.Get, step);
        }).QuickCheckThrowOnFailure();
    }
}
