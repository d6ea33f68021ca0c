using System.Text.Json;
using NodaTime;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.Authorities;

/// <summary>The body of <c>PUT /api/authorities/{code}</c>: an authority's profile, as the strict parse reads it.</summary>
/// <param name="Name">The authority's name, at most 200 characters.</param>
/// <param name="Contacts">Who receives alerts for each role (PO DCS CEX IBC DFE COM OFS IRO CPC TM HOS): a list of addresses or distribution lists; a single address may be sent as a string.</param>
/// <param name="Parameters">Overrides of the authority parameters in snake_case (docs/rules.md); only LOCAL and UNVERIFIED rules can change.</param>
/// <param name="ClosureDays">Days the authority's offices are closed besides bank holidays (yyyy-MM-dd, 1990–2040).</param>
/// <param name="EscalationPolicy">An escalation policy override (docs/alerts.md), stored as given once it parses.</param>
public sealed record PutAuthorityRequest(
    string Name,
    IReadOnlyDictionary<Role, IReadOnlyList<string>>? Contacts = null,
    JsonElement? Parameters = null,
    IReadOnlyList<LocalDate>? ClosureDays = null,
    JsonElement? EscalationPolicy = null)
{
    /// <summary>The fields, for error messages.</summary>
    public const string Fields = "name, contacts, parameters, closure_days, escalation_policy";

    /// <summary>Reads and checks the body; errors name the field.</summary>
    public static PutAuthorityRequest Parse(JsonElement body)
    {
        var r = new StrictObject(body);
        var name = r.RequiredString("name", 200);
        var contacts = Authorities.Contacts.ParseAuthority(r.OptionalObject("contacts"));
        AuthorityLimits.Check("contacts", StateJson.Serialize(contacts.ToDictionary(p => p.Key.ToString(), p => p.Value)));
        var parametersJson = r.Raw("parameters") is { } rawParameters ? AuthorityLimits.Compact(rawParameters) : (JsonElement?)null;
        AuthorityParametersJson.Parse(parametersJson);
        if (parametersJson is { } parameters)
        {
            AuthorityLimits.Check("parameters", parameters.GetRawText());
        }

        var closures = r.OptionalArray("closure_days", 1000).Select((e, i) => StrictObject.Date(e, $"closure_days[{i}]")).Distinct().Order().ToList();
        var policy = r.Raw("escalation_policy");
        if (policy is { ValueKind: not JsonValueKind.Object })
        {
            throw new ValidationException("escalation_policy", "must be a JSON object");
        }

        policy = policy is { } rawPolicy ? AuthorityLimits.Compact(rawPolicy) : null;
        if (policy is { } compactPolicy)
        {
            AuthorityLimits.Check("escalation_policy", compactPolicy.GetRawText());
        }

        if (policy is { } overrideJson)
        {
            // Checked here, not only at sweep time, so a bad override is refused instead of silently ignored.
            try
            {
                EscalationPolicyJson.Parse(overrideJson.GetRawText());
            }
            catch (EscalationPolicyException ex)
            {
                throw new ValidationException($"escalation_policy.{ex.Field}", ex.Problem);
            }
        }

        r.RejectUnknown(Fields);
        return new PutAuthorityRequest(name, contacts, parametersJson?.Clone(), closures, policy?.Clone());
    }
}
