using System.Collections.Concurrent;
using Scheduler.Functions.Host;

namespace Scheduler.Functions.Tests.Host;

/// <summary>A sweep runner that records its requests and completes <see cref="Reached"/> after <paramref name="wanted"/> of them.</summary>
internal sealed class CountingSweep(int wanted) : ISweepRunner
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<SweepRequest> Requests { get; } = new();

    public Task Reached => _reached.Task;

    public Task<SweepOutcome> RunAsync(SweepRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (Requests.Count >= wanted)
        {
            _reached.TrySetResult();
        }

        return Task.FromResult(new SweepOutcome(true));
    }
}
