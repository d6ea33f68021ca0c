using Microsoft.Extensions.Options;
using Scheduler.Functions.Host;
using Scheduler.Functions.State;

namespace Scheduler.Functions.Api;

/// <summary>
/// Resolves the <c>X-Api-Key</c> header (or, for calendar feeds only, the <c>key</c> query parameter) to a caller:
/// the operator (its SHA-256 is configured as <c>Scheduler:OperatorKeySha256</c>) or an authority-scoped key
/// (stored hashed in <c>ApiKeys</c>).
/// </summary>
public sealed class ApiKeyAuthenticator(ApiKeyStore keys, IOptions<SchedulerOptions> options)
{
    /// <summary>The request header carrying the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The query parameter calendar clients may use instead (they cannot send headers).</summary>
    public const string QueryName = "key";

    /// <summary>The presented key, if any.</summary>
    public static string? PresentedKey(HttpRequest request, bool allowQuery)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderName].ToString();
        if (!string.IsNullOrWhiteSpace(header))
        {
            return header.Trim();
        }

        return allowQuery && request.Query[QueryName].ToString() is { Length: > 0 } query ? query : null;
    }

    /// <summary>The caller for a presented key, or null when the key is unknown.</summary>
    public async Task<ApiCaller?> AuthenticateAsync(string presentedKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presentedKey);
        if (presentedKey.Length is 0 or > 512)
        {
            return null;
        }

        var hash = ApiKeyHasher.Hash(presentedKey);
        var operatorHash = options.Value.OperatorKeySha256;
        if (!string.IsNullOrWhiteSpace(operatorHash) && ApiKeyHasher.HashesEqual(hash, operatorHash.Trim()))
        {
            return new ApiCaller(ApiCaller.OperatorKeyId, null);
        }

        var record = await keys.FindByHashAsync(hash, cancellationToken).ConfigureAwait(false);
        return record is null ? null : new ApiCaller(record.KeyId, record.Authority);
    }
}
