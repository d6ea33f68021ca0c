using Scheduler.Domain.Rules;

namespace Scheduler.Domain.Alerts;

/// <summary>How the milestones of one rule group escalate: lead time, escalation threshold, re-notify cadence, audiences.</summary>
/// <param name="LeadWorkingDays">Working days before the effective due date when the "upcoming" alert goes out (0: none).</param>
/// <param name="EscalateAfterWorkingDays">Working days overdue at which the escalation roles are told (at least 1).</param>
/// <param name="RenotifyEveryWorkingDays">While overdue, how often the alert is repeated, in working days (at least 1).</param>
/// <param name="Primary">Who is told at every level: the owner of the event (routing matrix "Primary").</param>
/// <param name="Escalation">Who is told as well once the milestone is escalated (routing matrix "Escalate").</param>
public sealed record GroupPolicy(
    int LeadWorkingDays,
    int EscalateAfterWorkingDays,
    int RenotifyEveryWorkingDays,
    IReadOnlyList<Role> Primary,
    IReadOnlyList<Role> Escalation)
{
    /// <summary>The roles told at <paramref name="level"/>: primary roles, plus the escalation roles once escalated.</summary>
    public IReadOnlyList<Role> AudienceFor(AlertLevel level) =>
        level == AlertLevel.Escalated ? [.. Primary.Concat(Escalation).Distinct()] : Primary;

    /// <summary>Throws <see cref="EscalationPolicyException"/> naming the first invalid field.</summary>
    public void Validate(string path)
    {
        if (LeadWorkingDays is < 0 or > 120)
        {
            throw new EscalationPolicyException($"{path}.leadWorkingDays", "must be between 0 and 120 working days.");
        }

        if (EscalateAfterWorkingDays is < 1 or > 120)
        {
            throw new EscalationPolicyException($"{path}.escalateAfterWorkingDays", "must be between 1 and 120 working days.");
        }

        if (RenotifyEveryWorkingDays is < 1 or > 120)
        {
            throw new EscalationPolicyException($"{path}.renotifyEveryWorkingDays", "must be between 1 and 120 working days.");
        }

        if (Primary.Count == 0)
        {
            throw new EscalationPolicyException($"{path}.primary", "must name at least one role.");
        }

        // Scrutiny and Cabinet receive reports; the routing matrix makes them no real-time alert target.
        if (Primary.Contains(Role.SCR) || Escalation.Contains(Role.SCR))
        {
            throw new EscalationPolicyException($"{path}.{(Primary.Contains(Role.SCR) ? "primary" : "escalation")}", "SCR receives reports, not alerts.");
        }
    }
}
