namespace Scheduler.Functions.Host;

/// <summary>Outcome of processing one message: success, a permanent failure (poison now) or a transient one (retry).</summary>
public abstract record ProcessResult
{
    private ProcessResult()
    {
    }

    /// <summary>The shared success value.</summary>
    public static ProcessResult Ok { get; } = new Success();

    /// <summary>The message was handled (or was already handled before).</summary>
    public sealed record Success : ProcessResult;

    /// <summary>The message can never succeed (malformed, unknown subject…); it goes to poison with <paramref name="Reason"/>.</summary>
    public sealed record PermanentFailure(string Reason) : ProcessResult;

    /// <summary>The message may succeed later (storage unavailable, throttled…); it is redelivered.</summary>
    public sealed record Transient(Exception Exception) : ProcessResult;
}
