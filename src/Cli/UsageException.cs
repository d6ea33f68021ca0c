namespace Scheduler.Cli;

/// <summary>The user's input cannot be acted on; the message is shown as a one-line error and the exit code is 2.</summary>
public sealed class UsageException(string message, Exception? inner = null) : Exception(message, inner);
