namespace Scheduler.Application.Authorities;

/// <summary>The audit-log form of an authority's profile: whole when created, the fields that changed when replaced.</summary>
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

    /// <summary>What a replacement changed: the fields that differ, before and after (the version always).</summary>
    public static (string Before, string After) Change(AuthorityRecord before, AuthorityRecord after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var was = System.Text.Json.Nodes.JsonNode.Parse(Json(before))!.AsObject();
        var now = System.Text.Json.Nodes.JsonNode.Parse(Json(after))!.AsObject();
        foreach (var name in was.Select(p => p.Key).Union(now.Select(p => p.Key)).ToList())
        {
            if (name is not ("code" or "version") && System.Text.Json.Nodes.JsonNode.DeepEquals(was[name], now[name]))
            {
                was.Remove(name);
                now.Remove(name);
            }
        }

        return (was.ToJsonString(StateJson.Options), now.ToJsonString(StateJson.Options));
    }
}
