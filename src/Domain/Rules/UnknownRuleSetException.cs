namespace Scheduler.Domain.Rules;

/// <summary>A framework id that names no rule set.</summary>
public sealed class UnknownRuleSetException(string framework, IEnumerable<string> known)
    : ArgumentException($"Unknown oversight framework '{framework}'. Known frameworks: {string.Join(", ", known)}.", nameof(framework))
{
    /// <summary>The framework id that was asked for.</summary>
    public string Framework { get; } = framework;
}
