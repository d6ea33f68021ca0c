using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Scheduler.Tests.Ical;

/// <summary>
/// Reads an iCalendar document with Mozilla's ical.js (npm, a devDependency) through <c>node</c> and
/// <c>tests/ical/read-calendar.mjs</c>: a parser independent of Ical.Net, which writes the feed. Also checks the
/// physical format ical.js is lenient about (CRLF line ends, lines of at most 75 octets).
/// </summary>
internal static class IcalJs
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>Parses <paramref name="ics"/> (after checking its physical lines) and returns what ical.js saw.</summary>
    public static IcalJsCalendar Parse(string ics)
    {
        AssertPhysicalFormat(ics);
        var script = Path.Combine(Root.Value, "tests", "ical", "read-calendar.mjs");
        if (!File.Exists(Path.Combine(Root.Value, "node_modules", "ical.js", "package.json")))
        {
            throw new InvalidOperationException($"ical.js is not installed under {Path.Combine(Root.Value, "node_modules")}. Run `npm ci` (or scripts/install-deps) in {Root.Value} first.");
        }

        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = Root.Value,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(script);

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start `node` (is Node.js on PATH?).");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(ics);
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ical.js did not finish within {Timeout}.");
        }

        Assert.True(process.ExitCode == 0, $"ical.js rejected the calendar (exit {process.ExitCode}): {stderr.Result}");
        return JsonSerializer.Deserialize<IcalJsCalendar>(stdout.Result, Json)
            ?? throw new InvalidOperationException("ical.js printed nothing.");
    }

    /// <summary>RFC 5545 section 3.1: every line ends CRLF and no physical line exceeds 75 octets.</summary>
    public static void AssertPhysicalFormat(string ics)
    {
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        for (var i = 0; i < ics.Length; i++)
        {
            if (ics[i] == '\n')
            {
                Assert.True(i > 0 && ics[i - 1] == '\r', $"bare LF at offset {i}");
            }
        }

        foreach (var line in ics[..^2].Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line longer than 75 octets: {line}");
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Scheduler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Could not find Scheduler.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A calendar as ical.js parsed it.</summary>
internal sealed record IcalJsCalendar(
    Dictionary<string, List<IcalJsProperty>> Properties,
    List<string> Components,
    List<IcalJsEvent> Events)
{
    /// <summary>The first value of a calendar property (lower-case name), or null.</summary>
    public string? Property(string name) => Properties.TryGetValue(name, out var p) && p.Count > 0 ? p[0].Values.FirstOrDefault() : null;
}

/// <summary>One VEVENT as ical.js parsed it; dates as ical.js prints them (<c>2017-10-09</c> for a DATE).</summary>
internal sealed record IcalJsEvent(
    string Uid,
    string Summary,
    string Description,
    string Start,
    bool? StartIsDate,
    string End,
    bool? EndIsDate,
    string? Dtstamp,
    string? Url,
    List<string> Categories,
    Dictionary<string, List<IcalJsProperty>> Properties)
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    /// <summary>The start as a date (only meaningful when <see cref="StartIsDate"/>).</summary>
    [JsonIgnore]
    public LocalDate StartDate => Iso.Parse(Start).GetValueOrThrow();

    /// <summary>The (exclusive) end as a date.</summary>
    [JsonIgnore]
    public LocalDate EndDate => Iso.Parse(End).GetValueOrThrow();

    /// <summary>The first value of a property (lower-case name, e.g. <c>x-scheduler-rule</c>), or null.</summary>
    public string? Property(string name) => Properties.TryGetValue(name, out var p) && p.Count > 0 ? p[0].Values.FirstOrDefault() : null;
}

/// <summary>One property: its values and parameters, as strings.</summary>
internal sealed record IcalJsProperty(List<string> Values, Dictionary<string, string?> Parameters);
