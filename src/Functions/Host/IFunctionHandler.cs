namespace Scheduler.Functions.Host;

/// <summary>One non-HTTP function: the host POSTs <c>/{Name}</c> and this handles the payload.</summary>
public interface IFunctionHandler
{
    /// <summary>Function name: the folder name under <c>functions/</c> and the invocation route.</summary>
    string Name { get; }

    /// <summary>Runs the function; return a failed result (or throw) to make the host retry.</summary>
    Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken);
}
