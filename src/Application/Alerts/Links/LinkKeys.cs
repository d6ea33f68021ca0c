using System.Text;
using Microsoft.Extensions.Options;

namespace Scheduler.Application.Alerts.Links;

/// <summary>The signing keys in force: the current one and, during a rotation, the previous one.</summary>
/// <param name="Current">Signs new links; checks links first.</param>
/// <param name="Previous">Checks links the current key does not; null outside a rotation.</param>
/// <param name="IsDevelopment">Whether <see cref="Current"/> is the published development secret.</param>
public sealed record LinkKeys(byte[] Current, byte[]? Previous, bool IsDevelopment)
{
    private const string KeyVaultReference = "@Microsoft.KeyVault(";

    /// <summary>The keys <paramref name="options"/> give on <paramref name="host"/>; throws <see cref="InvalidOperationException"/> with <see cref="Problem"/>.</summary>
    public static LinkKeys Resolve(LinkOptions options, LinkHost host) =>
        Problem(options, host) is { } problem
            ? throw new InvalidOperationException(problem)
            : Build(options, host);

    /// <summary>What is wrong with the settings, naming the setting; null when they are usable.</summary>
    public static string? Problem(LinkOptions options, LinkHost host)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(host);
        var secret = options.Secret?.Trim();
        var previous = options.PreviousSecret?.Trim();
        if (SecretProblem("Scheduler__Links__Secret", secret) is { } bad)
        {
            return bad;
        }

        if (SecretProblem("Scheduler__Links__PreviousSecret", previous) is { } badPrevious)
        {
            return badPrevious;
        }

        var development = host.AllowsDevelopmentSecret(options);
        if (!development && (secret == LinkOptions.DevelopmentSecret || previous == LinkOptions.DevelopmentSecret))
        {
            return "Scheduler__Links__Secret (or PreviousSecret) is the published development secret, which anyone can sign links with; "
                + "set a secret of your own (at least 32 random bytes, for example openssl rand -base64 48).";
        }

        if (string.IsNullOrEmpty(secret) && !development)
        {
            return "Scheduler__Links__Secret is not set: it signs the links in alert emails. Set it to at least 32 random bytes "
                + "(for example openssl rand -base64 48; in Azure a Key Vault reference to LinkSigningSecret). Only a local run "
                + "(loopback Scheduler__PublicBaseUrl, outside Azure, with SCHEDULER_TODAY, a Development environment or "
                + "Scheduler__Links__AllowDevelopmentSecret=true) falls back to the published development secret.";
        }

        if (string.IsNullOrEmpty(secret) && !string.IsNullOrEmpty(previous))
        {
            return "Scheduler__Links__PreviousSecret is set but Scheduler__Links__Secret is not: a rotation needs the new secret.";
        }

        return null;
    }

    private static LinkKeys Build(LinkOptions options, LinkHost host)
    {
        var secret = options.Secret?.Trim();
        var previous = options.PreviousSecret?.Trim();
        var development = string.IsNullOrEmpty(secret) && host.AllowsDevelopmentSecret(options);
        return new LinkKeys(
            Encoding.UTF8.GetBytes(development ? LinkOptions.DevelopmentSecret : secret!),
            string.IsNullOrEmpty(previous) ? null : Encoding.UTF8.GetBytes(previous),
            development || secret == LinkOptions.DevelopmentSecret);
    }

    private static string? SecretProblem(string setting, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.StartsWith(KeyVaultReference, StringComparison.OrdinalIgnoreCase))
        {
            return $"{setting} is a Key Vault reference the platform did not resolve ({value}): check that the secret exists "
                + "and that the app's identity has Key Vault Secrets User on the vault (docs/operations.md, section 3).";
        }

        var bytes = Encoding.UTF8.GetByteCount(value);
        return bytes < LinkOptions.MinimumSecretBytes
            ? $"{setting} is {bytes} bytes long; it must be at least {LinkOptions.MinimumSecretBytes} (for example openssl rand -base64 48)."
            : null;
    }
}

/// <summary>Checks the link settings when the app starts, so a bad or missing secret stops it with a message naming the setting.</summary>
public sealed class LinkOptionsValidation(LinkHost host) : IValidateOptions<LinkOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LinkOptions options) =>
        LinkKeys.Problem(options, host) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
