using Scheduler.Domain.Alerts;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Rules;
using Scheduler.Functions.State;

namespace Scheduler.Functions.Sweep;

/// <summary>What the sweep needs of one authority, loaded once per run: its evaluator (policy and calendar) and contacts.</summary>
internal sealed class AuthorityContext
{
    private readonly IReadOnlyDictionary<Role, IReadOnlyList<string>> _contacts;

    private AuthorityContext(string code, EscalationEvaluator evaluator, IReadOnlyDictionary<Role, IReadOnlyList<string>> contacts)
    {
        Code = code;
        Evaluator = evaluator;
        _contacts = contacts;
    }

    public string Code { get; }

    public EscalationEvaluator Evaluator { get; }

    /// <summary>
    /// The authority's policy (defaults merged with its override) on its local calendar (bank holidays plus closure
    /// days: nobody is there to act on an alert on a closure day). An invalid override is reported and ignored.
    /// </summary>
    public static AuthorityContext For(AuthorityRecord authority, Action<EscalationPolicyException> onBadPolicy)
    {
        var policy = EscalationPolicy.Default;
        if (authority.EscalationPolicy is { } json)
        {
            try
            {
                policy = policy.With(EscalationPolicyJson.Parse(json.GetRawText()));
            }
            catch (EscalationPolicyException ex)
            {
                onBadPolicy(ex);
            }
        }

        var calendar = WorkingDayCalendar.EnglandAndWales.WithClosureDays(authority.ClosureDays);
        return new AuthorityContext(authority.Code, new EscalationEvaluator(policy, calendar), authority.Contacts);
    }

    /// <summary>An authority the index mentions but the Authorities table lacks: default policy, no contacts.</summary>
    public static AuthorityContext Unknown(string code) =>
        new(code, new EscalationEvaluator(EscalationPolicy.Default, WorkingDayCalendar.EnglandAndWales), new Dictionary<Role, IReadOnlyList<string>>());

    /// <summary>
    /// The addresses for a role: a case's named assignee for that role when there is one, else the authority's
    /// contacts for the role. Lower-cased and de-duplicated, so case never makes a second alert.
    /// </summary>
    public IReadOnlyList<string> AddressesFor(Role role, DueIndexRow row)
    {
        IEnumerable<string> raw = row.Assignees.TryGetValue(role, out var assignee) && !string.IsNullOrWhiteSpace(assignee)
            ? [assignee]
            : _contacts.TryGetValue(role, out var contacts) ? contacts : [];
        return [.. raw.Select(a => a.Trim().ToLowerInvariant()).Where(a => a.Contains('@', StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)];
    }
}
