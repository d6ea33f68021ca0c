namespace Scheduler.Functions.Host;

/// <summary>A queue-triggered function: hands the message body to the queue's <see cref="IMessageProcessor"/>.</summary>
public abstract class QueueTriggeredFunction(MessageProcessorResolver processors, IPoisonQueue poison) : IFunctionHandler
{
    /// <summary>Binding name of the trigger in function.json.</summary>
    public const string MessageBinding = "message";

    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>Queue the trigger reads.</summary>
    public abstract string QueueName { get; }

    /// <inheritdoc />
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var body = request.GetDataText(MessageBinding);
        if (body is null)
        {
            return InvocationResult.PermanentlyFailed($"The invocation has no '{MessageBinding}' binding data.");
        }

        var context = new MessageContext(Name, QueueName, request.MessageId, request.DeliveryCount ?? 1, request.EnqueuedTime);
        var processor = processors.Resolve(QueueName);
        var result = await processor.ProcessAsync(body, context, cancellationToken);
        var where = $"message {context.MessageId ?? "(no id)"} from {QueueName}, delivery {context.DeliveryCount}";
        var giveUp = result switch
        {
            ProcessResult.PermanentFailure p => p.Reason,
            ProcessResult.Transient t when context.DeliveryCount >= poison.MaxDeliveries =>
                $"Failed on delivery {context.DeliveryCount} of {poison.MaxDeliveries}: {t.Exception.GetType().Name}: {t.Exception.Message}",
            _ => null,
        };
        if (giveUp is not null && await poison.TryMoveAsync(body, context, giveUp, cancellationToken))
        {
            return InvocationResult.Succeeded(logs: [$"Moved {where} to {QueueName}-poison: {giveUp}"]);
        }

        return result switch
        {
            ProcessResult.Success => InvocationResult.Succeeded(logs: [$"Processed {where}."]),
            ProcessResult.PermanentFailure p => InvocationResult.PermanentlyFailed(p.Reason, [$"Rejected {where}."]),
            ProcessResult.Transient t => InvocationResult.Failed($"{t.Exception.GetType().Name}: {t.Exception.Message}", [$"Will retry {where}."]),
            _ => throw new InvalidOperationException($"Unknown process result {result.GetType().Name}."),
        };
    }
}

/// <summary>The <c>CaseEvents</c> function: case lifecycle events from the <c>case-events</c> queue.</summary>
public sealed class CaseEventsFunction(MessageProcessorResolver processors, IPoisonQueue poison) : QueueTriggeredFunction(processors, poison)
{
    /// <summary>Function name.</summary>
    public const string FunctionName = "CaseEvents";

    /// <summary>Queue name.</summary>
    public const string Queue = "case-events";

    /// <inheritdoc />
    public override string Name => FunctionName;

    /// <inheritdoc />
    public override string QueueName => Queue;
}

/// <summary>The <c>AlertDispatch</c> function: alert messages from the <c>alert-dispatch</c> queue.</summary>
public sealed class AlertDispatchFunction(MessageProcessorResolver processors, IPoisonQueue poison) : QueueTriggeredFunction(processors, poison)
{
    /// <summary>Function name.</summary>
    public const string FunctionName = "AlertDispatch";

    /// <summary>Queue name.</summary>
    public const string Queue = "alert-dispatch";

    /// <inheritdoc />
    public override string Name => FunctionName;

    /// <inheritdoc />
    public override string QueueName => Queue;
}
