using System.Text;

namespace Scheduler.Cli.Tests;

/// <summary>A minimal RFC 5545 reader for assertions: checks the physical format, unfolds, splits into events.</summary>
internal static class Ics
{
    /// <summary>Asserts CRLF line endings and the 75-octet limit, then returns the unfolded content lines.</summary>
    public static List<string> Unfold(string ics)
    {
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        for (var i = 0; i < ics.Length; i++)
        {
            if (ics[i] == '\n')
            {
                Assert.True(i > 0 && ics[i - 1] == '\r', $"bare LF at offset {i}");
            }
        }

        var physical = ics[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line longer than 75 octets: {line}");
        }

        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.StartsWith(' '))
            {
                Assert.NotEmpty(logical);
                logical[^1] += line[1..];
            }
            else
            {
                logical.Add(line);
            }
        }

        return logical;
    }

    /// <summary>The VEVENTs as name → value maps (parameters kept in the name, e.g. <c>DTSTART;VALUE=DATE</c>).</summary>
    public static List<Dictionary<string, string>> Events(string ics)
    {
        var lines = Unfold(ics);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));

        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in lines)
        {
            if (line == "BEGIN:VEVENT")
            {
                Assert.Null(current);
                current = [];
            }
            else if (line == "END:VEVENT")
            {
                Assert.NotNull(current);
                events.Add(current);
                current = null;
            }
            else if (current is not null)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                current.Add(line[..colon], line[(colon + 1)..]);
            }
        }

        Assert.Null(current);
        return events;
    }
}
