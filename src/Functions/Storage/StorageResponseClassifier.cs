using Azure.Core;

namespace Scheduler.Functions.Storage;

/// <summary>
/// Retries 408 and 5xx (except 501 and 505, which never get better) plus transport failures and timeouts;
/// never other 4xx — 404, 409 and 412 are answers, not faults, and the alert ledger depends on seeing them once.
/// </summary>
internal sealed class StorageResponseClassifier : ResponseClassifier
{
    public static readonly StorageResponseClassifier Instance = new();

    public override bool IsRetriableResponse(HttpMessage message) =>
        message.Response.Status is 408 or (>= 500 and not 501 and not 505);
}
