using System.Text.Json.Nodes;

namespace Scheduler.Functions.Host;

/// <summary>How an invocation ended; decides the HTTP status and what a local queue poller does with the message.</summary>
public enum InvocationOutcome
{
    /// <summary>Done; the message may be completed or deleted.</summary>
    Succeeded,

    /// <summary>Failed in a way a retry may fix; the message is redelivered until the delivery limit.</summary>
    Failed,

    /// <summary>Failed in a way no retry can fix; the message goes to poison/dead-letter with its reason.</summary>
    PermanentlyFailed,
}

/// <summary>
/// What a handler returns; serialized to the host as <c>{"Outputs":{…},"Logs":[…],"ReturnValue":…}</c>
/// with HTTP 200 on success and 500 on failure (so the host retries or dead-letters).
/// </summary>
public sealed record InvocationResult
{
    private InvocationResult(InvocationOutcome outcome, string? error, JsonNode? returnValue, IReadOnlyList<string> logs, IReadOnlyDictionary<string, JsonNode?> outputs)
    {
        Outcome = outcome;
        Error = error;
        ReturnValue = returnValue;
        Logs = logs;
        Outputs = outputs;
    }

    /// <summary>Success, transient failure or permanent failure.</summary>
    public InvocationOutcome Outcome { get; }

    /// <summary>Why the invocation failed; null on success.</summary>
    public string? Error { get; }

    /// <summary>Bound to a <c>$return</c> output binding, if any.</summary>
    public JsonNode? ReturnValue { get; }

    /// <summary>Lines the host writes to the function's invocation log.</summary>
    public IReadOnlyList<string> Logs { get; }

    /// <summary>Values for output bindings, by binding name.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Outputs { get; }

    /// <summary>True when <see cref="Outcome"/> is <see cref="InvocationOutcome.Succeeded"/>.</summary>
    public bool IsSuccess => Outcome == InvocationOutcome.Succeeded;

    /// <summary>A successful invocation.</summary>
    public static InvocationResult Succeeded(JsonNode? returnValue = null, IEnumerable<string>? logs = null, IReadOnlyDictionary<string, JsonNode?>? outputs = null) =>
        new(InvocationOutcome.Succeeded, null, returnValue, [.. logs ?? []], outputs ?? new Dictionary<string, JsonNode?>());

    /// <summary>A failure worth retrying; the error is appended to the logs.</summary>
    public static InvocationResult Failed(string error, IEnumerable<string>? logs = null) =>
        new(InvocationOutcome.Failed, error, null, [.. logs ?? [], $"Error: {error}"], new Dictionary<string, JsonNode?>());

    /// <summary>A failure no retry can fix; the reason is appended to the logs.</summary>
    public static InvocationResult PermanentlyFailed(string reason, IEnumerable<string>? logs = null) =>
        new(InvocationOutcome.PermanentlyFailed, reason, null, [.. logs ?? [], $"Permanent failure: {reason}"], new Dictionary<string, JsonNode?>());

    /// <summary>The HTTP status the host sees: 200 on success, 500 otherwise.</summary>
    public int StatusCode => IsSuccess ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError;

    /// <summary>The wire body <c>{"Outputs":{…},"Logs":[…],"ReturnValue":…}</c>.</summary>
    public JsonObject ToResponseBody()
    {
        var outputs = new JsonObject();
        foreach (var (name, value) in Outputs)
        {
            outputs[name] = value?.DeepClone();
        }

        var logs = new JsonArray();
        foreach (var line in Logs)
        {
            logs.Add(line);
        }

        return new JsonObject
        {
            ["Outputs"] = outputs,
            ["Logs"] = logs,
            ["ReturnValue"] = ReturnValue?.DeepClone(),
        };
    }
}
