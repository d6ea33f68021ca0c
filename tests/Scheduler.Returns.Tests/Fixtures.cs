using System.Text;
using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Rules;
using Scheduler.Returns.Report;

namespace Scheduler.Returns.Tests;

/// <summary>The synthetic returns under TestData and short ways to import them.</summary>
internal static class Fixtures
{
    /// <summary>2023/24: the year before PLACE lost H5, P2 and Z1.</summary>
    public static readonly LocalDate Today2024 = new(2024, 5, 15);

    /// <summary>2025/26: after PLACE gained K3 and Z11–Z14.</summary>
    public static readonly LocalDate Today2026 = new(2026, 5, 20);

    public static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    public static ImportResult Import903(string folder, LocalDate today, int? year = null) =>
        ReturnImporter.Import903Async(ReturnFile.InFolder(Data(folder)), Options(today, year), CancellationToken.None).GetAwaiter().GetResult();

    public static ImportResult Import903(IEnumerable<ReturnFile> files, LocalDate today, int? year = null) =>
        ReturnImporter.Import903Async(files, Options(today, year), CancellationToken.None).GetAwaiter().GetResult();

    public static ImportResult ImportCin(string file, LocalDate today, int? year = null) =>
        ReturnImporter.ImportCinAsync(ReturnFile.FromPath(Data("cin", file)), Options(today, year), CancellationToken.None).GetAwaiter().GetResult();

    public static ImportResult ImportCin(ReturnFile file, LocalDate today) =>
        ReturnImporter.ImportCinAsync(file, Options(today, null), CancellationToken.None).GetAwaiter().GetResult();

    public static ImportOptions Options(LocalDate today, int? year) => new()
    {
        Today = today,
        Year = year is { } y ? new CollectionYear(y) : null,
    };

    public static ImportReport ReportOf(ImportResult result, LocalDate today) =>
        ImportReport.Build(result, AuthorityParameters.Default, WorkingDayCalendar.EnglandAndWales, WorkingDayCalendar.EnglandAndWales, today);

    /// <summary>An in-memory file, for shapes the folders do not cover.</summary>
    public static ReturnFile Text(string name, string content) => ReturnFile.FromStream(name, new MemoryStream(Encoding.UTF8.GetBytes(content)));

    /// <summary>The 1-based line of <paramref name="file"/> that starts with <paramref name="prefix"/>, found in the file itself.</summary>
    public static int LineStarting(string file, string prefix)
    {
        var lines = File.ReadAllLines(file);
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(index >= 0, $"no line starting '{prefix}' in {file}");
        return index + 1;
    }

    public static ImportedCase Case(this ImportResult result, string child) =>
        Assert.Single(result.Cases, c => c.CaseReference == child);

    /// <summary>The events as (type, date, kind-or-milestone) for comparison with a hand-written list.</summary>
    public static (string Type, string Date, string? Detail)[] Shape(this ImportedCase c) =>
        [.. c.Events.Select(e => (e.Type, e.Fields["date"]!, e.Fields.GetValueOrDefault("kind") ?? e.Fields.GetValueOrDefault("milestone")))];
}
