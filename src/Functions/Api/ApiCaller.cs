namespace Scheduler.Functions.Api;

/// <summary>Who is calling: the key id and, for an authority-scoped key, the one authority it may use.</summary>
/// <param name="KeyId">The public key id (<c>operator</c> for the operator key).</param>
/// <param name="Authority">The authority the key is scoped to; null for the operator.</param>
public sealed record ApiCaller(string KeyId, string? Authority)
{
    /// <summary>The key id the operator key is logged and audited under.</summary>
    public const string OperatorKeyId = "operator";

    /// <summary>The operator: may manage every authority and issue keys.</summary>
    public bool IsOperator => Authority is null;

    /// <summary>Whether this caller may read and write <paramref name="authority"/>'s data.</summary>
    public bool CanAccess(string authority) => IsOperator || string.Equals(Authority, authority, StringComparison.Ordinal);
}
