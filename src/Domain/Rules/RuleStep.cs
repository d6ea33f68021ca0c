namespace Scheduler.Domain.Rules;

/// <summary>
/// One dated step of a rule that yields several milestones per trigger (the monitoring-visit timeline, the
/// re-inspection notice). <see cref="WindowStart"/> makes the step a window.
/// </summary>
public sealed record RuleStep(string Key, string Title, RuleOffset Offset, RuleOffset? WindowStart = null, bool Informational = true);
