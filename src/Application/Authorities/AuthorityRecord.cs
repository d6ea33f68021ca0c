using System.Text.Json;
using NodaTime;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.Authorities;

/// <summary>
/// A local authority as stored: name, alert contacts per role (email addresses or distribution lists), local rule
/// parameters, closure days and an escalation policy override.
/// </summary>
public sealed record AuthorityRecord
{
    /// <summary>The authority code, for example <c>croydon</c>.</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>Who receives alerts for each role: addresses or distribution lists.</summary>
    public IReadOnlyDictionary<Role, IReadOnlyList<string>> Contacts { get; init; } = new Dictionary<Role, IReadOnlyList<string>>();

    /// <summary>Overrides of the authority parameters (LOCAL rules) as JSON, or null for the defaults.</summary>
    public JsonElement? Parameters { get; init; }

    /// <summary>Days the authority's offices are closed besides bank holidays.</summary>
    public IReadOnlyList<LocalDate> ClosureDays { get; init; } = [];

    /// <summary>The authority's escalation policy override as JSON, or null for the default policy.</summary>
    public JsonElement? EscalationPolicy { get; init; }

    public long Version { get; init; }

    public Instant CreatedAt { get; init; }

    public Instant UpdatedAt { get; init; }

    public string? ETag { get; init; }
}
