using System.Text.Json;
using NodaTime;
using Scheduler.Contracts;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;

namespace Scheduler.Cli.Tests;

public sealed class ContractsTests
{
    private static readonly Milestone Deadline = new()
    {
        Rule = "dfe_progress_review",
        Sequence = 1,
        Title = "DfE six-monthly progress review",
        Group = RuleGroup.DfeIntervention,
        Due = new LocalDate(2018, 3, 4),        // a Sunday (spec §6d)
        Effective = new LocalDate(2018, 3, 2),
        Status = MilestoneStatus.MetLate,
        Met = new LocalDate(2018, 3, 9),
        Audience = [Role.PO, Role.DCS, Role.DFE],
        Source = "Schools causing concern, chapter 4",
        Alternative = new AlternativeReading("calendar_days", null, new LocalDate(2018, 3, 3)),
    };

    private static readonly Milestone Window = new()
    {
        Rule = "action_planning_visit",
        Sequence = 1,
        Title = "Action planning visit, window",
        Group = RuleGroup.OfstedPostInspection,
        Earliest = new LocalDate(2017, 10, 9),
        Due = new LocalDate(2017, 10, 23),
        Effective = new LocalDate(2017, 10, 23),
        Status = MilestoneStatus.Upcoming,
        Audience = [Role.PO, Role.DCS],
        Source = "Ofsted SIF handbook, paragraph 94",
    };

    [Fact]
    public void Milestone_json_has_exactly_the_contract_fields_and_spellings()
    {
        var json = ContractJson.Serialize(MilestonesDocument.From([Deadline, Window]));

        using var doc = JsonDocument.Parse(json);
        var items = doc.RootElement.GetProperty("milestones").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var m = items[0];
        Assert.Equal(
            ["rule", "sequence", "title", "group", "earliest", "due", "effective", "status", "met", "audience", "source", "alternative", "nominal_non_working_day", "key", "cycle", "step", "informational"],
            m.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("dfe_progress_review", m.GetProperty("rule").GetString());
        Assert.Equal(1, m.GetProperty("sequence").GetInt32());
        Assert.Equal("dfe_intervention", m.GetProperty("group").GetString());
        Assert.Equal(JsonValueKind.Null, m.GetProperty("earliest").ValueKind);
        Assert.Equal("2018-03-04", m.GetProperty("due").GetString());
        Assert.Equal("2018-03-02", m.GetProperty("effective").GetString());
        Assert.Equal("met_late", m.GetProperty("status").GetString());
        Assert.Equal("2018-03-09", m.GetProperty("met").GetString());
        Assert.Equal(["PO", "DCS", "DFE"], m.GetProperty("audience").EnumerateArray().Select(a => a.GetString()!).ToArray());
        Assert.True(m.GetProperty("nominal_non_working_day").GetBoolean());
        Assert.Equal("dfe_progress_review/1/1", m.GetProperty("key").GetString());
        Assert.Equal(1, m.GetProperty("cycle").GetInt32());
        Assert.Equal(JsonValueKind.Null, m.GetProperty("step").ValueKind);
        Assert.False(m.GetProperty("informational").GetBoolean());
        var alt = m.GetProperty("alternative");
        Assert.Equal("calendar_days", alt.GetProperty("reading").GetString());
        Assert.Equal(JsonValueKind.Null, alt.GetProperty("earliest").ValueKind);
        Assert.Equal("2018-03-03", alt.GetProperty("due").GetString());

        var w = items[1];
        Assert.Equal("ofsted_post_inspection", w.GetProperty("group").GetString());
        Assert.Equal("2017-10-09", w.GetProperty("earliest").GetString());
        Assert.Equal("upcoming", w.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, w.GetProperty("met").ValueKind);
        Assert.Equal(JsonValueKind.Null, w.GetProperty("alternative").ValueKind);
        Assert.False(w.GetProperty("nominal_non_working_day").GetBoolean());
    }

    [Theory]
    [InlineData(MilestoneStatus.Upcoming, "upcoming")]
    [InlineData(MilestoneStatus.Due, "due")]
    [InlineData(MilestoneStatus.Overdue, "overdue")]
    [InlineData(MilestoneStatus.Met, "met")]
    [InlineData(MilestoneStatus.MetLate, "met_late")]
    [InlineData(MilestoneStatus.NotApplicable, "not_applicable")]
    public void Every_status_has_its_contract_spelling(MilestoneStatus status, string expected)
    {
        var json = ContractJson.Serialize(MilestoneJson.From(Window with { Status = status }));

        using var doc = JsonDocument.Parse(json);
        Assert.Equal(expected, doc.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Milestone_json_round_trips_through_the_contract_options()
    {
        var original = MilestonesDocument.From([Deadline, Window]);

        var back = JsonSerializer.Deserialize<MilestonesDocument>(ContractJson.Serialize(original), ContractJson.Options)!;

        Assert.Equal(2, back.Milestones.Count);
        Assert.Equal(original.Milestones[0] with { Audience = [] }, back.Milestones[0] with { Audience = [] });
        Assert.Equal(original.Milestones[0].Audience, back.Milestones[0].Audience);
    }

    [Fact]
    public void Holiday_json_is_date_and_name()
    {
        var json = ContractJson.Serialize(new HolidayJson(new LocalDate(2012, 1, 2), "New Year's Day (substitute)"));

        Assert.Equal("{\"date\":\"2012-01-02\",\"name\":\"New Year's Day (substitute)\"}", json);
    }
}
