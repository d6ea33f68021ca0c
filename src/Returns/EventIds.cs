using NodaTime;

namespace Scheduler.Returns;

/// <summary>
/// Deterministic event ids for imported events. The id is a function of child, kind and date only, so importing the
/// same return twice, or next year's return that repeats this year's episodes, yields the same ids, and the store's
/// idempotency on event ids does the rest. Child ids are 1–20 letters and digits, so the id always fits the API's
/// event-id pattern <c>[A-Za-z0-9._:-]{1,128}</c>.
/// </summary>
public static class EventIds
{
    /// <summary>The prefix that marks an event as read from a statutory return.</summary>
    public const string Prefix = "ret-";

    /// <summary><c>ret-&lt;child&gt;-&lt;kind&gt;-&lt;yyyymmdd&gt;</c>.</summary>
    public static string For(string child, string kind, LocalDate date) =>
        $"{Prefix}{child}-{kind}-{date.Year:0000}{date.Month:00}{date.Day:00}";

    /// <summary>The kind of a <c>milestone_completed</c> event: the rule id, since keys contain '/'.</summary>
    public static string MilestoneKind(string ruleId) => $"milestone_completed.{ruleId}";
}
