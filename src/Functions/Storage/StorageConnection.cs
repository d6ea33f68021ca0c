using Azure.Core;

namespace Scheduler.Functions.Storage;

/// <summary>Where the table and queue services live and how requests to them are authorised.</summary>
public sealed class StorageConnection
{
    /// <summary>The well-known account name of the Azure Storage emulator (Azurite).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The well-known, public account key of the Azure Storage emulator (Azurite).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnection(Uri? tableEndpoint, Uri? queueEndpoint, string? accountName, byte[]? accountKey, TokenCredential? credential)
    {
        TableEndpoint = tableEndpoint;
        QueueEndpoint = queueEndpoint;
        AccountName = accountName;
        AccountKey = accountKey;
        Credential = credential;
    }

    /// <summary>Table service endpoint, e.g. <c>https://acct.table.core.windows.net</c> or Azurite's path-style URI.</summary>
    public Uri? TableEndpoint { get; }

    /// <summary>Queue service endpoint.</summary>
    public Uri? QueueEndpoint { get; }

    /// <summary>Account name used for Shared Key signing; null in token-credential mode.</summary>
    public string? AccountName { get; }

    /// <summary>Token credential (managed identity in Azure); null in Shared Key mode.</summary>
    public TokenCredential? Credential { get; }

    internal byte[]? AccountKey { get; }

    /// <summary>True when requests are signed with the account key rather than a bearer token.</summary>
    public bool UsesSharedKey => AccountKey is not null;

    /// <summary>
    /// Parses <c>UseDevelopmentStorage=true</c> or an account connection string
    /// (<c>DefaultEndpointsProtocol</c>, <c>AccountName</c>, <c>AccountKey</c>, optional <c>TableEndpoint</c>,
    /// <c>QueueEndpoint</c>, <c>EndpointSuffix</c>).
    /// </summary>
    public static StorageConnection Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"Storage connection string segment '{Redact(segment)}' is not of the form Name=Value.");
            }

            // Values (account keys) may themselves contain '=' padding, so split on the first '=' only.
            parts[segment[..eq].Trim()] = segment[(eq + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            return new StorageConnection(
                new Uri("http://127.0.0.1:10002/" + DevelopmentAccountName),
                new Uri("http://127.0.0.1:10001/" + DevelopmentAccountName),
                DevelopmentAccountName,
                Convert.FromBase64String(DevelopmentAccountKey),
                null);
        }

        if (!parts.TryGetValue("AccountName", out var accountName) || accountName.Length == 0)
        {
            throw new FormatException("Storage connection string has no AccountName.");
        }

        if (!parts.TryGetValue("AccountKey", out var key) || key.Length == 0)
        {
            throw new FormatException("Storage connection string has no AccountKey (use service URIs with a TokenCredential for managed identity).");
        }

        byte[] keyBytes;
        try
        {
            keyBytes = Convert.FromBase64String(key);
        }
        catch (FormatException ex)
        {
            throw new FormatException("Storage connection string AccountKey is not valid base64.", ex);
        }

        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        var table = ParseEndpoint(parts, "TableEndpoint") ?? new Uri($"{protocol}://{accountName}.table.{suffix}");
        var queue = ParseEndpoint(parts, "QueueEndpoint") ?? new Uri($"{protocol}://{accountName}.queue.{suffix}");
        return new StorageConnection(table, queue, accountName, keyBytes, null);
    }

    /// <summary>Token-credential mode (managed identity): either URI may be null when that service is not used.</summary>
    public static StorageConnection FromServiceUris(Uri? tableServiceUri, Uri? queueServiceUri, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        if (tableServiceUri is null && queueServiceUri is null)
        {
            throw new ArgumentException("At least one of the table or queue service URIs is required.", nameof(tableServiceUri));
        }

        return new StorageConnection(tableServiceUri, queueServiceUri, null, null, credential);
    }

    internal Uri RequireTableEndpoint() =>
        TableEndpoint ?? throw new InvalidOperationException("The storage connection has no table service endpoint.");

    internal Uri RequireQueueEndpoint() =>
        QueueEndpoint ?? throw new InvalidOperationException("The storage connection has no queue service endpoint.");

    private static Uri? ParseEndpoint(Dictionary<string, string> parts, string name)
    {
        if (!parts.TryGetValue(name, out var value) || value.Length == 0)
        {
            return null;
        }

        if (!Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri))
        {
            throw new FormatException($"Storage connection string {name} '{value}' is not an absolute URI.");
        }

        return uri;
    }

    private static string Redact(string segment) =>
        segment.StartsWith("AccountKey", StringComparison.OrdinalIgnoreCase) ? "AccountKey=***" : segment;
}
