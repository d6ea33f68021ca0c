using Scheduler.Domain.Events;
using Scheduler.Domain.Validation;

namespace Scheduler.Domain.Tests.Events;

/// <summary>
/// The table of fields per event type (what the API and the queue accept) agrees with what <see cref="EventFactory"/>
/// reads: every type builds from its required fields alone, a missing required field is named by the factory, and
/// every listed choice is one the factory accepts.
/// </summary>
public sealed class EventFieldsTests
{
    private static string ValidValue(EventField field, int choice = 0) => field.Kind switch
    {
        EventFieldKind.Date => "2017-12-01",
        EventFieldKind.Choice or EventFieldKind.Months => field.Choices[choice],
        EventFieldKind.Boolean => "true",
        EventFieldKind.MilestoneKey => "assessment_45wd/1/1",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    private static void Build(string type, IReadOnlyDictionary<string, string?> fields)
    {
        if (EventTypes.Oversight.Contains(type))
        {
            EventFactory.Oversight(type, fields);
        }

        if (EventTypes.ChildCase.Contains(type))
        {
            EventFactory.ChildCase(type, fields);
        }
    }

    public static TheoryData<string> Types() => [.. EventFields.Types];

    [Fact]
    public void Every_type_of_either_kind_of_subject_is_in_the_table_once()
    {
        var all = EventTypes.Oversight.Concat(EventTypes.ChildCase).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(all, EventFields.Types.Order(StringComparer.Ordinal));
        Assert.Empty(EventFields.For("tea_party"));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void A_type_builds_from_its_required_fields_and_a_missing_one_is_named(string type)
    {
        var fields = EventFields.For(type);
        Assert.Equal("date", fields[0].Name);
        var required = fields.Where(f => f.Required).ToDictionary(f => f.Name, f => (string?)ValidValue(f));
        Build(type, required);

        foreach (var field in fields.Where(f => f.Required))
        {
            var missing = required.Where(p => p.Key != field.Name).ToDictionary(p => p.Key, p => p.Value);
            var error = Assert.Throws<DomainValidationException>(() => Build(type, missing));
            Assert.Contains(error.Errors, e => e.Field == field.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_listed_value_of_a_field_is_accepted(string type)
    {
        foreach (var field in EventFields.For(type))
        {
            for (var i = 0; i < Math.Max(1, field.Choices.Count); i++)
            {
                var values = EventFields.For(type).Where(f => f.Required).ToDictionary(f => f.Name, f => (string?)ValidValue(f));
                values[field.Name] = ValidValue(field, i);
                Build(type, values);
            }
        }
    }

    [Fact]
    public void Only_five_types_take_more_than_a_date()
    {
        var extra = EventFields.Types.Where(t => EventFields.For(t).Count > 1).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [EventTypes.HealthAssessmentHeld, EventTypes.InterventionRouteRecorded, EventTypes.MilestoneCompleted, EventTypes.PlacementStarted, EventTypes.ReinspectionOutcome],
            extra);
        Assert.Equal(["date", "kind", "child_agrees"], EventFields.For(EventTypes.PlacementStarted).Select(f => f.Name));
        Assert.False(EventFields.For(EventTypes.PlacementStarted)[2].Required);
    }
}
