namespace Scheduler.Domain.Alerts;

/// <summary>An escalation policy or an authority's override of it is invalid; <see cref="Field"/> names the JSON field.</summary>
public sealed class EscalationPolicyException(string field, string problem)
    : Exception($"{field}: {problem}")
{
    /// <summary>The JSON path of the offending field, for example <c>groups.ChildProtection.leadWorkingDays</c>.</summary>
    public string Field { get; } = field;

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; } = problem;
}
