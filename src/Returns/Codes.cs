using System.Text.RegularExpressions;

namespace Scheduler.Returns;

/// <summary>How a coded value may appear in a problem's reason: named when it looks like a code, otherwise not repeated.</summary>
internal static partial class Codes
{
    /// <summary>
    /// <c>'H5'</c> for something shaped like a code (upper-case letters and digits, at most 6), else "the value":
    /// a person's name typed into a code column must not be echoed into a report.
    /// </summary>
    public static string Quote(string value) => CodeShape().IsMatch(value) ? $"'{value}'" : "the value";

    [GeneratedRegex("^[A-Z0-9]{1,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeShape();
}
