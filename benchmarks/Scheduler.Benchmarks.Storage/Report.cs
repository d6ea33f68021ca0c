using System.Globalization;
using System.Text;

namespace Scheduler.Benchmarks.Storage;

/// <summary>
/// The figures of one run, each with the 1-minute load average when it was taken (the machine is shared), printed
/// as they come and once more as one final summary line ending with <c>/proc/loadavg</c>.
/// </summary>
public sealed class Report
{
    private readonly List<(string Name, string Value, string Load)> _figures = [];

    /// <summary>The 1-minute load average (first field of /proc/loadavg), or "n/a".</summary>
    public static string Load1() => LoadAvg().Split(' ')[0];

    /// <summary>The whole of /proc/loadavg without its newline, or "n/a" off Linux.</summary>
    public static string LoadAvg()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    /// <summary>The 1-minute load average as a number (NaN off Linux).</summary>
    public static double Load1Value() =>
        double.TryParse(Load1(), NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : double.NaN;

    /// <summary>Records and prints a figure with the load average now (or the one given).</summary>
    public void Add(string name, FormattableString value, string? load = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.ToString(CultureInfo.InvariantCulture);
        var at = load ?? Load1();
        lock (_figures)
        {
            _figures.Add((name, text, at));
        }

        Console.WriteLine($"  {name} = {text}   (load {at})");
    }

    /// <summary>A note line (not a figure).</summary>
    public static void Note(FormattableString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The final summary line: every figure with its load, then /proc/loadavg.</summary>
    public string Summary(string command)
    {
        var line = new StringBuilder("SUMMARY ").Append(command);
        lock (_figures)
        {
            foreach (var (name, value, load) in _figures)
            {
                line.Append(CultureInfo.InvariantCulture, $" | {name}={value} @{load}");
            }
        }

        return line.Append(" | loadavg ").Append(LoadAvg()).ToString();
    }
}
