using Scheduler.Domain.Alerts;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.Authorities;

/// <summary>
/// What a computation or a sweep needs from one authority: its parameters, the statutory calendar, the local one
/// (closure days removed: nobody is there to act on a closure day), its escalation policy and its contacts.
/// </summary>
public sealed record AuthorityContext(
    AuthorityRecord Authority,
    AuthorityParameters Parameters,
    WorkingDayCalendar Statutory,
    WorkingDayCalendar Local,
    EscalationEvaluator Evaluator)
{
    /// <summary>
    /// Builds the context of a stored authority (its parameters and policy were validated when stored). An
    /// override that no longer parses is reported through <paramref name="onBadPolicy"/> and the defaults apply.
    /// </summary>
    public static AuthorityContext From(AuthorityRecord authority, Action<EscalationPolicyException>? onBadPolicy = null)
    {
        ArgumentNullException.ThrowIfNull(authority);
        var statutory = WorkingDayCalendar.EnglandAndWales;
        var local = statutory.WithClosureDays(authority.ClosureDays);
        var policy = EscalationPolicy.Default;
        if (authority.EscalationPolicy is { } json)
        {
            try
            {
                policy = policy.With(EscalationPolicyJson.Parse(json.GetRawText()));
            }
            catch (EscalationPolicyException ex)
            {
                onBadPolicy?.Invoke(ex);
            }
        }

        return new AuthorityContext(authority, AuthorityParametersJson.Parse(authority.Parameters), statutory, local, new EscalationEvaluator(policy, local));
    }

    /// <summary>An authority the due index mentions but the store lacks: default policy, no contacts.</summary>
    public static AuthorityContext Unknown(string code) => From(new AuthorityRecord { Code = code, Name = code });

    /// <summary>
    /// The addresses for a role: a case's named assignee for that role when there is one, else the authority's
    /// contacts for the role. Lower-cased and de-duplicated, so case never makes a second alert.
    /// </summary>
    public IReadOnlyList<string> AddressesFor(Role role, IReadOnlyDictionary<Role, string> assignees)
    {
        ArgumentNullException.ThrowIfNull(assignees);
        IEnumerable<string> raw = assignees.TryGetValue(role, out var assignee) && !string.IsNullOrWhiteSpace(assignee)
            ? [assignee]
            : Authority.Contacts.TryGetValue(role, out var contacts) ? contacts : [];
        return [.. raw.Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Contains('@', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];
    }
}
