using System.Collections.Concurrent;
using Scheduler.Functions.Host;

namespace Scheduler.Functions.Tests.Host;

/// <summary>A message processor that records what it received and answers with a chosen result.</summary>
internal sealed class RecordingProcessor(string queueName, Func<string, MessageContext, ProcessResult>? answer = null) : IMessageProcessor
{
    public string QueueName { get; } = queueName;

    public ConcurrentQueue<(string Body, MessageContext Context)> Received { get; } = new();

    public Task<ProcessResult> ProcessAsync(string body, MessageContext context, CancellationToken cancellationToken)
    {
        Received.Enqueue((body, context));
        return Task.FromResult(answer?.Invoke(body, context) ?? ProcessResult.Ok);
    }
}
