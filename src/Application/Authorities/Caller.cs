namespace Scheduler.Application.Authorities;

/// <summary>Who is calling: the key id and, for an authority-scoped key, the one authority it may use.</summary>
/// <param name="KeyId">The public key id (<c>operator</c> for the operator key); this, never the key, is logged and audited.</param>
/// <param name="Authority">The authority the key is scoped to; null for the operator.</param>
public sealed record Caller(string KeyId, string? Authority)
{
    /// <summary>The key id the operator key is logged and audited under.</summary>
    public const string OperatorKeyId = "operator";

    /// <summary>The operator.</summary>
    public static Caller Operator { get; } = new(OperatorKeyId, null);

    /// <summary>The operator: may manage every authority and issue keys.</summary>
    public bool IsOperator => Authority is null;

    /// <summary>Whether this caller may read and write <paramref name="authority"/>'s data.</summary>
    public bool CanAccess(string authority) => IsOperator || string.Equals(Authority, authority, StringComparison.Ordinal);

    /// <summary>Throws <see cref="ForbiddenException"/> unless this caller may use <paramref name="authority"/>.</summary>
    public void RequireAccess(string authority)
    {
        if (!CanAccess(authority))
        {
            throw new ForbiddenException("The API key is not valid for this authority.");
        }
    }

    /// <summary>Throws <see cref="ForbiddenException"/> unless this is the operator.</summary>
    public void RequireOperator()
    {
        if (!IsOperator)
        {
            throw new ForbiddenException("This operation needs the operator key.");
        }
    }
}
