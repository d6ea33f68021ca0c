using System.Text.RegularExpressions;

namespace Scheduler.Functions.Triggers;

/// <summary>Resolves <c>%Setting%</c> binding expressions from configuration, as the Functions host does from app settings.</summary>
public static partial class BindingExpressions
{
    /// <summary>Replaces every <c>%Name%</c>; <c>__</c> in a name maps to the configuration separator <c>:</c>.</summary>
    public static string Resolve(string value, IConfiguration configuration, string context) =>
        SettingReference().Replace(value, match =>
        {
            var setting = match.Groups["name"].Value;
            var resolved = configuration[setting.Replace("__", ":", StringComparison.Ordinal)] ?? configuration[setting];
            return string.IsNullOrWhiteSpace(resolved)
                ? throw new InvalidOperationException($"{context} refers to app setting '{setting}', which is not set.")
                : resolved;
        });

    [GeneratedRegex("%(?<name>[A-Za-z0-9_.:-]+)%")]
    private static partial Regex SettingReference();
}
