namespace Scheduler.Application;

/// <summary>The app's queues, named once: the triggers, the senders, the local host and the templates use these.</summary>
public static class QueueNames
{
    /// <summary>Case and episode events from councils' case management systems.</summary>
    public const string CaseEvents = "case-events";

    /// <summary>One message per recipient digest, from the sweep to dispatch.</summary>
    public const string AlertDispatch = "alert-dispatch";

    /// <summary>Every queue the app reads.</summary>
    public static IReadOnlyList<string> All { get; } = [CaseEvents, AlertDispatch];

    /// <summary>The poison queue of <paramref name="queueName"/>, as the Functions platform names it.</summary>
    public static string Poison(string queueName) => queueName + "-poison";
}
