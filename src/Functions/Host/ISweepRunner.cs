using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NodaTime;

namespace Scheduler.Functions.Host;

/// <summary>Runs one recompute-from-state sweep (alerts for slipped dates); called by the <c>DailySweep</c> timer.</summary>
public interface ISweepRunner
{
    /// <summary>Runs a sweep; must be safe to repeat (alert keys make sends idempotent).</summary>
    Task<SweepOutcome> RunAsync(SweepRequest request, CancellationToken cancellationToken);
}

/// <summary>Why and when a sweep runs.</summary>
/// <param name="Now">The trigger's notion of now (host <c>sys.UtcNow</c> or the injected clock).</param>
/// <param name="IsPastDue">The timer fired late (the host was down at the scheduled time).</param>
/// <param name="Trigger">What started it, e.g. <c>timer</c> or <c>operator</c>.</param>
public sealed record SweepRequest(Instant Now, bool IsPastDue, string Trigger);

/// <summary>Result of a sweep, returned as the invocation's <c>ReturnValue</c> (camelCase JSON).</summary>
/// <param name="Swept">Whether a sweep actually ran.</param>
/// <param name="Reason">Why not, when it did not.</param>
public sealed record SweepOutcome(
    [property: JsonPropertyName("swept")] bool Swept,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null)
{
    /// <summary>Free-form counts (authorities, milestones, alerts) for logs and the operator endpoint.</summary>
    [JsonPropertyName("summary")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonObject? Summary { get; init; }
}

/// <summary>The default until the real sweep is wired: runs nothing and says so.</summary>
public sealed partial class SweepNotConfiguredRunner(ILogger<SweepNotConfiguredRunner> logger) : ISweepRunner
{
    /// <summary>The reason reported.</summary>
    public const string Reason = "sweep not configured";

    /// <inheritdoc />
    public Task<SweepOutcome> RunAsync(SweepRequest request, CancellationToken cancellationToken)
    {
        LogNotConfigured(logger, request.Trigger, request.Now);
        return Task.FromResult(new SweepOutcome(false, Reason));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep requested by {Trigger} at {Now} but no sweep runner is configured")]
    private static partial void LogNotConfigured(ILogger logger, string trigger, Instant now);
}
