namespace Scheduler.Application.Authorities;

/// <summary>The audit-log form of an authority's profile.</summary>
public static class AuthorityAudit
{
    /// <summary>The JSON snapshot written as the audit entry's before or after.</summary>
    public static string Json(AuthorityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return StateJson.Serialize(new
        {
            record.Code,
            record.Name,
            Contacts = record.Contacts.ToDictionary(p => p.Key.ToString(), p => p.Value),
            record.Parameters,
            record.ClosureDays,
            record.EscalationPolicy,
            record.Version,
        });
    }
}
