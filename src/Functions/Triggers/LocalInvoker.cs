using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Scheduler.Functions.Host;

namespace Scheduler.Functions.Triggers;

/// <summary>
/// Builds the same <c>{"Data":…,"Metadata":…}</c> payload the Functions host would POST, parses it with the
/// same parser and dispatches it through the same <see cref="InvocationDispatcher"/>.
/// </summary>
public sealed class LocalInvoker(InvocationDispatcher dispatcher, IClock clock)
{
    /// <summary>Invokes <paramref name="functionName"/> with the given binding data and trigger metadata.</summary>
    public Task<InvocationResult> InvokeAsync(string functionName, JsonObject data, JsonObject metadata, string methodName, CancellationToken cancellationToken)
    {
        metadata["sys"] = new JsonObject
        {
            ["MethodName"] = methodName,
            ["UtcNow"] = Iso(clock.GetCurrentInstant()),
            ["RandGuid"] = Guid.NewGuid().ToString(),
        };
        var payload = new JsonObject { ["Data"] = data, ["Metadata"] = metadata };
        var request = InvocationRequest.Parse(functionName, JsonSerializer.SerializeToUtf8Bytes(payload));
        return dispatcher.DispatchAsync(request, cancellationToken);
    }

    /// <summary>ISO-8601 UTC text as the host writes timestamps.</summary>
    public static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
