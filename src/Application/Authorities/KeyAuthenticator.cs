using Microsoft.Extensions.Options;
using NodaTime;

namespace Scheduler.Application.Authorities;

/// <summary>
/// Resolves a presented API key to a caller: the operator (its SHA-256 is configured) or an authority-scoped key
/// (stored hashed). Where the key came from (a header, a feed URL) is the caller's business.
/// </summary>
/// <remarks>
/// Nothing is cached: every request reads the key's row (one point read by hash), so a revoked key is refused by
/// every instance on its very next request and an expired one from the day after its last day. The last-used day is
/// written only when it changes, at most once a day per key (a conditional write: of concurrent first requests of
/// the day, one writes and the others skip).
/// </remarks>
public sealed partial class KeyAuthenticator(IApiKeyStore keys, IOptions<AccessOptions> options, IClock clock, ILogger<KeyAuthenticator> logger)
{
    /// <summary>Longest key considered; anything longer is refused without hashing.</summary>
    public const int MaxKeyLength = 512;

    /// <summary>The caller for a presented key, or null when the key is unknown, revoked or expired.</summary>
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
        if (record is null)
        {
            return null;
        }

        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        if (record.IsExpiredOn(today))
        {
            LogExpired(logger, record.KeyId, record.Expires!.Value);
            return null;
        }

        if (record.LastUsedOn != today)
        {
            await MarkUsedAsync(record, today, cancellationToken).ConfigureAwait(false);
        }

        return new Caller(record.KeyId, record.Authority);
    }

    private async Task MarkUsedAsync(ApiKeyRecord record, LocalDate today, CancellationToken cancellationToken)
    {
        try
        {
            await keys.MarkUsedAsync(record, today, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The last-used day is information for the operator, not a condition of access: a failed write never refuses the request.
            LogLastUsedFailed(logger, ex, record.KeyId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Key {KeyId} refused: it expired after {Expires}")]
    private static partial void LogExpired(ILogger logger, string keyId, LocalDate expires);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the last-used day of key {KeyId}")]
    private static partial void LogLastUsedFailed(ILogger logger, Exception exception, string keyId);
}
