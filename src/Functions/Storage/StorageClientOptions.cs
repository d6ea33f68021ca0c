using Azure.Core;

namespace Scheduler.Functions.Storage;

/// <summary>Pipeline options for the storage adapters: retry policy, transport and diagnostics from Azure.Core.</summary>
public class StorageClientOptions : ClientOptions
{
    /// <summary>Creates options with storage-friendly retry defaults and a transport that drops idle sockets early.</summary>
    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 3;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(5);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        Transport = StorageTransport.Shared;
    }

    /// <summary>Clock for the <c>x-ms-date</c> request header (the service rejects requests more than 15 minutes off).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
