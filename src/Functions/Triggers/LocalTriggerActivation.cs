using Scheduler.Functions.Host;

namespace Scheduler.Functions.Triggers;

/// <summary>Decides whether this process runs its own triggers (only when the Functions host is not driving it).</summary>
public static class LocalTriggerActivation
{
    /// <summary>Command-line flag that turns the local trigger runner on.</summary>
    public const string Flag = "--local-triggers";

    /// <summary>Configuration key of the explicit switch.</summary>
    public const string EnabledKey = "Scheduler:LocalTriggers:Enabled";

    /// <summary>Removes <see cref="Flag"/> from the arguments and reports whether it was present.</summary>
    public static (string[] Remaining, bool FlagPresent) StripFlag(string[] args)
    {
        var remaining = args.Where(a => !string.Equals(a, Flag, StringComparison.OrdinalIgnoreCase)).ToArray();
        return (remaining, remaining.Length != args.Length);
    }

    /// <summary>
    /// Never under the Functions host (it fires the triggers itself); otherwise the explicit setting,
    /// defaulting to on.
    /// </summary>
    public static bool IsEnabled(IConfiguration configuration, LocalTriggerSettings settings) =>
        !HandlerHosting.IsUnderFunctionsHost(configuration) && (settings.Enabled ?? true);
}
