using Azure.Storage.Queues.Models;
using Scheduler.Application.CaseEvents;

namespace Scheduler.Functions.Triggers;

/// <summary>The <c>case-events</c> queue: events from councils' case management systems.</summary>
public sealed class CaseEvents(CaseEventProcessor processor, QueueRefusal refusal)
{
    /// <summary>The function.</summary>
    [Function(nameof(CaseEvents))]
    public Task RunAsync([QueueTrigger(QueueNames.CaseEvents)] QueueMessage message, CancellationToken cancellationToken) =>
        refusal.RunAsync(QueueNames.CaseEvents, message, (body, ct) => processor.ProcessAsync(body, ct), cancellationToken);
}
