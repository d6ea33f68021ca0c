using Azure.Core;
using Azure.Identity;
using Scheduler.Functions.Host;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.State;

/// <summary>The storage account from settings: a shared-key connection string (Azurite, local) or service URIs with the managed identity (Azure).</summary>
public static class StorageAccount
{
    /// <summary>Whether either form is configured.</summary>
    public static bool IsConfigured(SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !string.IsNullOrWhiteSpace(options.Storage.ConnectionString) || !string.IsNullOrWhiteSpace(options.Storage.TableServiceUri);
    }

    /// <summary>The table service client; throws naming the settings when neither form is configured.</summary>
    public static TableServiceClient CreateTableService(SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.Storage.ConnectionString))
        {
            return new TableServiceClient(StorageConnection.Parse(options.Storage.ConnectionString));
        }

        if (!string.IsNullOrWhiteSpace(options.Storage.TableServiceUri))
        {
            return new TableServiceClient(new Uri(options.Storage.TableServiceUri), Credential(options));
        }

        throw new InvalidOperationException(
            "Table storage is not configured: set Scheduler:Storage:ConnectionString (Azurite/local) or Scheduler:Storage:TableServiceUri (Azure, managed identity).");
    }

    private static TokenCredential Credential(SchedulerOptions options) =>
        new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
}
