using Azure.Core;
using Azure.Core.Pipeline;

namespace Scheduler.Functions.Tests.Storage;

/// <summary>Counts every attempt that reaches the wire (installed per retry, so retries are counted).</summary>
internal sealed class CountingPolicy : HttpPipelineSynchronousPolicy
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
