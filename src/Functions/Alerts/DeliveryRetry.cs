namespace Scheduler.Functions.Alerts;

/// <summary>
/// In-process retries for one send: transient failures back off exponentially (1 s, 2 s, 4 s … by default); a 429
/// whose <c>Retry-After</c> is short is waited out. What is still failing afterwards goes back to the caller, whose
/// queue redelivers it (max delivery count 5) or dead-letters it with the reason.
/// </summary>
public sealed class DeliveryRetry(int maxAttempts = 3, TimeSpan? baseDelay = null, TimeSpan? maxRetryAfterWait = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
{
    private readonly TimeSpan _baseDelay = baseDelay ?? TimeSpan.FromSeconds(1);
    private readonly TimeSpan _maxRetryAfterWait = maxRetryAfterWait ?? TimeSpan.FromSeconds(10);
    private readonly Func<TimeSpan, CancellationToken, Task> _delay = delay ?? Task.Delay;

    /// <summary>Runs <paramref name="send"/> until it is sent, fails permanently, or the attempts run out.</summary>
    public async Task<DeliveryOutcome> RunAsync(Func<CancellationToken, Task<DeliveryOutcome>> send, CancellationToken cancellationToken)
    {
        var attempt = 1;
        while (true)
        {
            var outcome = await send(cancellationToken).ConfigureAwait(false);
            if (attempt >= maxAttempts)
            {
                return outcome;
            }

            TimeSpan wait;
            switch (outcome)
            {
                case DeliveryOutcome.Transient:
                    wait = _baseDelay * Math.Pow(2, attempt - 1);
                    break;
                case DeliveryOutcome.RetryAfter retry when retry.Delay <= _maxRetryAfterWait:
                    wait = retry.Delay;
                    break;
                default:
                    return outcome;
            }

            await _delay(wait, cancellationToken).ConfigureAwait(false);
            attempt++;
        }
    }
}
