using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Scheduler.Functions.Storage;

/// <summary>Stamps each attempt with <c>x-ms-date</c> and <c>x-ms-version</c> (and the OData version for tables).</summary>
internal sealed class StorageHeadersPolicy(string apiVersion, bool isTable, TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        // Per retry: a retried request must carry a fresh date or the service rejects the signature as stale.
        message.Request.Headers.SetValue("x-ms-date", timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        message.Request.Headers.SetValue("x-ms-version", apiVersion);
        if (isTable)
        {
            message.Request.Headers.SetValue("DataServiceVersion", "3.0");
            message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        }
    }
}
