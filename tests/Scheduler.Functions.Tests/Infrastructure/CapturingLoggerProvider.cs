using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Scheduler.Functions.Tests.Infrastructure;

/// <summary>Keeps every log line (category, level, rendered message) so tests can check what is and is not logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    /// <summary>The captured lines.</summary>
    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
