using System.Text.Json;
using NodaTime;

namespace Scheduler.Functions.Host;

/// <summary>The <c>DailySweep</c> timer function: runs the sweep and returns its outcome.</summary>
public sealed class DailySweepFunction(ISweepRunner sweeps, IClock clock) : IFunctionHandler
{
    /// <summary>Function name.</summary>
    public const string FunctionName = "DailySweep";

    /// <summary>Binding name of the timer trigger in function.json.</summary>
    public const string TimerBinding = "timer";

    /// <inheritdoc />
    public string Name => FunctionName;

    /// <inheritdoc />
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var timer = request.GetDataJson(TimerBinding);
        var isPastDue = timer is { ValueKind: JsonValueKind.Object } t
            && t.EnumerateObject().Any(p => string.Equals(p.Name, "IsPastDue", StringComparison.OrdinalIgnoreCase)
                && p.Value.ValueKind == JsonValueKind.True);
        var now = request.UtcNow ?? clock.GetCurrentInstant();

        var outcome = await sweeps.RunAsync(new SweepRequest(now, isPastDue, "timer"), cancellationToken);
        var log = outcome.Swept
            ? $"Sweep ran at {now} (past due: {isPastDue})."
            : $"Sweep did not run at {now}: {outcome.Reason}.";
        return InvocationResult.Succeeded(JsonSerializer.SerializeToNode(outcome), [log]);
    }
}
