using System.Text.Json;
using Scheduler.Domain.Children;

namespace Scheduler.Benchmarks.Storage.Dataset;

/// <summary>
/// Which part of the dataset a case belongs to. <see cref="Active"/> cases make the sweep's work (open plans and
/// placements with their next dates near today, a share of them overdue); <see cref="Quiet"/> cases only make the
/// total bigger: every milestone already due is met and every open one is due well beyond the sweep's read-through.
/// </summary>
public enum CaseClass
{
    Active,
    Quiet,
}

/// <summary>One generated case: its council reference, type, assignees and events, as the API takes them.</summary>
public sealed record SyntheticCase(string Authority, string CaseRef, CaseType Type, CaseClass Class, IReadOnlyDictionary<string, string> Assignees, IReadOnlyList<SyntheticEvent> Events)
{
    /// <summary>The body of <c>PUT/POST …/cases/{caseRef}</c> (CaseService.CreateAsync).</summary>
    public JsonElement Body() => JsonSerializer.SerializeToElement(new Dictionary<string, object>
    {
        ["type"] = Type == CaseType.ChildProtection ? "CP" : "LAC",
        ["assignees"] = Assignees,
        ["events"] = Events.Select(e => e.Json()).ToList(),
    });
}

/// <summary>One event: its type, date and extra fields (kind, interval_months, milestone, child_agrees).</summary>
public sealed record SyntheticEvent(string Type, NodaTime.LocalDate Date, IReadOnlyDictionary<string, object>? Extra = null)
{
    /// <summary>The event as the API's JSON object.</summary>
    public Dictionary<string, object> Json()
    {
        var map = new Dictionary<string, object> { ["type"] = Type, ["date"] = NodaTime.Text.LocalDatePattern.Iso.Format(Date) };
        foreach (var (name, value) in Extra ?? new Dictionary<string, object>())
        {
            map[name] = value;
        }

        return map;
    }
}
