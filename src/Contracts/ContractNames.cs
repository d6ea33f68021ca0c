using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;

namespace Scheduler.Contracts;

/// <summary>The wire spellings of domain enums (snake_case statuses and groups; role codes as written).</summary>
public static class ContractNames
{
    /// <summary>For example <c>met_late</c>.</summary>
    public static string Of(MilestoneStatus status) => status switch
    {
        MilestoneStatus.Upcoming => "upcoming",
        MilestoneStatus.Due => "due",
        MilestoneStatus.Overdue => "overdue",
        MilestoneStatus.Met => "met",
        MilestoneStatus.MetLate => "met_late",
        MilestoneStatus.NotApplicable => "not_applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown milestone status."),
    };

    /// <summary>For example <c>ofsted_post_inspection</c>.</summary>
    public static string Of(RuleGroup group) => SnakeCase(group.ToString());

    /// <summary>The role code exactly as in the routing matrix, for example <c>DCS</c>.</summary>
    public static string Of(Role role) => role.ToString();

    private static string SnakeCase(string pascal) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(pascal);
}
