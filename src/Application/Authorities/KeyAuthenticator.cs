using Microsoft.Extensions.Options;

namespace Scheduler.Application.Authorities;

/// <summary>
/// Resolves a presented API key to a caller: the operator (its SHA-256 is configured) or an authority-scoped key
/// (stored hashed). Where the key came from (a header, a feed URL) is the caller's business.
/// </summary>
public sealed class KeyAuthenticator(IApiKeyStore keys, IOptions<AccessOptions> options)
{
    /// <summary>Longest key considered; anything longer is refused without hashing.</summary>
    public const int MaxKeyLength = 512;

    /// <summary>The caller for a presented key, or null when the key is unknown.</summary>
    public async Task<Caller?> AuthenticateAsync(string presentedKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presentedKey);
        if (presentedKey.Length is 0 or > MaxKeyLength)
        {
            return null;
        }

        var hash = ApiKeyHasher.Hash(presentedKey);
        var operatorHash = options.Value.OperatorKeySha256;
        if (!string.IsNullOrWhiteSpace(operatorHash) && ApiKeyHasher.HashesEqual(hash, operatorHash.Trim()))
        {
            return Caller.Operator;
        }

        var record = await keys.FindByHashAsync(hash, cancellationToken).ConfigureAwait(false);
        return record is null ? null : new Caller(record.KeyId, record.Authority);
    }
}
