using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Milestones;

namespace Scheduler.Domain.Tests.Milestones;

/// <summary>Short helpers for writing dates and finding milestones in the spec's worked examples.</summary>
internal static class TestSupport
{
    public static WorkingDayCalendar Statutory => WorkingDayCalendar.EnglandAndWales;

    public static LocalDate D(int year, int month, int day) => new(year, month, day);

    public static Milestone One(this IReadOnlyList<Milestone> milestones, string rule, int sequence = 1, string? step = null, int cycle = 1)
    {
        var found = milestones.Where(m => m.Rule == rule && m.Sequence == sequence && m.Step == step && m.Cycle == cycle).ToList();
        Assert.True(found.Count == 1, $"Expected one {rule}/{cycle}/{sequence}/{step}, found {found.Count}: {string.Join(", ", milestones.Select(m => m.Key))}");
        return found[0];
    }

    public static IReadOnlyList<Milestone> All(this IReadOnlyList<Milestone> milestones, string rule) =>
        milestones.Where(m => m.Rule == rule).OrderBy(m => m.Cycle).ThenBy(m => m.Sequence).ToList();
}
