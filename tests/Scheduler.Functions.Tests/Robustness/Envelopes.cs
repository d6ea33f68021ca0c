using System.Text.Json;

namespace Scheduler.Functions.Tests.Robustness;

/// <summary>Case-events envelopes and event lists shared by the robustness tests.</summary>
public static class Envelopes
{
    /// <summary>A case-events message body.</summary>
    public static string For(string eventId, string authority, string kind, string subjectId, object e) =>
        JsonSerializer.Serialize(new { eventId, authority, subject = new { kind, id = subjectId }, @event = e });

    /// <summary>
    /// Twenty valid events of one child protection case (Tue 3 Apr 2018 or later is "today"), in date order:
    /// dates worked out by hand so that every date-order rule holds (docs/rules.md), none on the same day with the
    /// same type.
    /// </summary>
    public static IReadOnlyList<object> ChildProtection { get; } =
    [
        new { type = "referral_received", date = "2017-11-01" },
        new { type = "strategy_discussion", date = "2017-11-03" },
        new { type = "s47_started", date = "2017-11-03" },
        new { type = "icpc_held", date = "2017-11-20" },
        new { type = "cp_visit_made", date = "2017-11-24" },
        new { type = "core_group_held", date = "2017-11-30" },
        new { type = "cp_visit_made", date = "2017-12-08" },
        new { type = "cp_visit_made", date = "2017-12-22" },
        new { type = "core_group_held", date = "2017-12-28" },
        new { type = "cp_visit_made", date = "2018-01-05" },
        new { type = "cp_visit_made", date = "2018-01-19" },
        new { type = "core_group_held", date = "2018-01-25" },
        new { type = "cp_visit_made", date = "2018-02-02" },
        new { type = "cp_review_held", date = "2018-02-12" },
        new { type = "cp_visit_made", date = "2018-02-16" },
        new { type = "core_group_held", date = "2018-02-22" },
        new { type = "cp_visit_made", date = "2018-03-02" },
        new { type = "cp_visit_made", date = "2018-03-16" },
        new { type = "core_group_held", date = "2018-03-22" },
        new { type = "cp_visit_made", date = "2018-03-29" },
    ];

    /// <summary>Ten valid events of one looked-after child's case, in date order (today Tue 3 Apr 2018 or later).</summary>
    public static IReadOnlyList<object> LookedAfter { get; } =
    [
        new { type = "became_looked_after", date = "2017-10-02" },
        new { type = "placement_started", date = "2017-10-02", kind = "standard" },
        new { type = "iro_appointed", date = "2017-10-09" },
        new { type = "statutory_visit_made", date = "2017-10-09" },
        new { type = "health_assessment_held", date = "2017-10-20", interval_months = 6 },
        new { type = "looked_after_review_held", date = "2017-10-30" },
        new { type = "statutory_visit_made", date = "2017-11-06" },
        new { type = "statutory_visit_made", date = "2017-12-04" },
        new { type = "statutory_visit_made", date = "2018-01-08" },
        new { type = "looked_after_review_held", date = "2018-01-29" },
    ];
}
