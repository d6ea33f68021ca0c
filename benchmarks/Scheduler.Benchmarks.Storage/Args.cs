using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Scheduler.Benchmarks.Storage;

/// <summary>The command line: a subcommand and <c>--name value</c> options (flags without a value are "true").</summary>
public sealed class Args
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    private Args(string command) => Command = command;

    /// <summary>The subcommand.</summary>
    public string Command { get; }

    /// <summary>Parses <c>command [--name value | --flag]…</c>.</summary>
    public static Args Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = new Args(args.Length > 0 ? args[0] : string.Empty);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            }

            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            parsed._options[args[i][2..]] = hasValue ? args[++i] : "true";
        }

        return parsed;
    }

    /// <summary>An integer option.</summary>
    public int Int(string name, int fallback) =>
        _options.TryGetValue(name, out var text) ? int.Parse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A duration option in seconds.</summary>
    public TimeSpan Seconds(string name, double fallback) =>
        TimeSpan.FromSeconds(_options.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback);

    /// <summary>A date option (yyyy-MM-dd).</summary>
    public LocalDate Date(string name, LocalDate fallback) =>
        _options.TryGetValue(name, out var text) ? LocalDatePattern.Iso.Parse(text).GetValueOrThrow() : fallback;

    /// <summary>Whether a flag is present.</summary>
    public bool Flag(string name) => _options.ContainsKey(name);

    /// <summary>A text option.</summary>
    public string? Text(string name) => _options.TryGetValue(name, out var text) ? text : null;
}
