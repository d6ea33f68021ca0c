namespace Scheduler.Application.Errors;

/// <summary>
/// A use case refused or could not complete a request. The subclasses say why; the Functions layer maps them to
/// RFC 7807 problems and the queue consumers decide from them whether a message is poisoned or retried.
/// </summary>
public abstract class SchedulerException(string message) : Exception(message)
{
    /// <summary>Whether trying again with the same input can never succeed (a queue message goes to poison at once).</summary>
    public abstract bool IsPermanent { get; }
}
