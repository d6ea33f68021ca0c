namespace Scheduler.Infrastructure;

/// <summary>The managed identity the app's clients authenticate as in Azure (<c>Scheduler__ManagedIdentityClientId</c>).</summary>
public sealed class IdentityOptions
{
    /// <summary>Client id of the user-assigned managed identity; empty locally (connection strings are used).</summary>
    public string? ManagedIdentityClientId { get; set; }
}
