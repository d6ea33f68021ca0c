using Azure.Core.Pipeline;

namespace Scheduler.Functions.Storage;

/// <summary>Builds the Azure.Core pipeline for one storage service from a connection and options.</summary>
internal static class StoragePipeline
{
    public const string TableApiVersion = "2019-02-02";
    public const string QueueApiVersion = "2021-08-06";
    public const string StorageScope = "https://storage.azure.com/.default";

    public static HttpPipeline Build(StorageConnection connection, StorageService service, StorageClientOptions options)
    {
        var isTable = service == StorageService.Table;
        HttpPipelinePolicy auth = connection.AccountKey is { } key
            ? isTable
                ? new TableSharedKeyLitePolicy(connection.AccountName!, key)
                : new QueueSharedKeyPolicy(connection.AccountName!, key)
            : new BearerTokenAuthenticationPolicy(connection.Credential!, StorageScope);

        var headers = new StorageHeadersPolicy(isTable ? TableApiVersion : QueueApiVersion, isTable, options.TimeProvider);
        return HttpPipelineBuilder.Build(options, [], [headers, auth], StorageResponseClassifier.Instance);
    }
}
