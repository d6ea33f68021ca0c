using System.CommandLine;
using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Rules;
using Scheduler.Returns;
using Scheduler.Returns.Report;

namespace Scheduler.Cli.Commands;

/// <summary>
/// <c>scheduler import 903 &lt;folder&gt;</c> and <c>scheduler import cin &lt;file.xml&gt;</c>: read a statutory return
/// offline, compute each child's milestones with the rules engine and print the import report. Nothing is stored.
/// </summary>
public static class ImportCommands
{
    /// <summary>Builds the <c>import</c> command.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("import", "Read a statutory return (SSDA903 folder or CIN census XML) into child cases, offline; nothing is stored.");
        command.Subcommands.Add(Ssda903(context));
        command.Subcommands.Add(Cin(context));
        return command;
    }

    private static Command Ssda903(CliContext context)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "The folder of SSDA903 CSV files (each known by its header row, whatever its name)" };
        var today = CliOptions.Today();
        var year = Year("defaults to the latest year ended by --today");
        var format = CliOptions.Format("json", "text");
        var command = new Command("903", "The SSDA903 looked-after children return: episodes and reviews become looked-after cases.") { folder, today, year, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dir = parse.GetValue(folder)!;
            if (!dir.Exists)
            {
                throw new UsageException($"folder not found: {dir.FullName}");
            }

            var options = Options(context, parse.GetValue(today), parse.GetValue(year));
            var result = await Run(() => ReturnImporter.Import903Async(ReturnFile.InFolder(dir.FullName), options, cancellationToken)).ConfigureAwait(false);
            if (result.FilesRead == 0)
            {
                throw new UsageException($"{dir.Name}: no SSDA903 file recognised by its header row");
            }

            return Write(context, parse.GetValue(format)!, "SSDA903", result, options.Today);
        });
        return command;
    }

    private static Command Cin(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "The CIN census XML file" };
        var today = CliOptions.Today();
        var year = Year("defaults to the census header's reference date");
        var format = CliOptions.Format("json", "text");
        var command = new Command("cin", "The children in need census: section 47 enquiries and child protection plans become child protection cases.") { file, today, year, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var xml = parse.GetValue(file)!;
            if (!xml.Exists)
            {
                throw new UsageException($"file not found: {xml.FullName}");
            }

            var options = Options(context, parse.GetValue(today), parse.GetValue(year));
            var result = await Run(() => ReturnImporter.ImportCinAsync(ReturnFile.FromPath(xml.FullName), options, cancellationToken)).ConfigureAwait(false);
            if (result.FilesRead == 0)
            {
                throw new UsageException($"{xml.Name}: not a CIN census (the root element is not Message)");
            }

            return Write(context, parse.GetValue(format)!, "CIN census", result, options.Today);
        });
        return command;
    }

    private static Option<string?> Year(string defaults) => new("--year")
    {
        Description = $"The collection year whose code lists apply, as 2024 or 2023/24 (ending 31 March 2024); {defaults}",
        HelpName = "YYYY",
    };

    private static ImportOptions Options(CliContext context, LocalDate? today, string? year)
    {
        CollectionYear? parsed = null;
        if (year is not null)
        {
            parsed = CollectionYear.Parse(year) ?? throw new UsageException($"--year: '{year}' is not a collection year; expected YYYY (the year it ends) or YYYY/YY");
        }

        return new ImportOptions { Today = today ?? context.Today, Year = parsed, Calendar = WorkingDayCalendar.EnglandAndWales };
    }

    private static async Task<ImportResult> Run(Func<Task<ImportResult>> import)
    {
        try
        {
            return await import().ConfigureAwait(false);
        }
        catch (UnsupportedYearException ex)
        {
            throw new UsageException($"--year: {ex.Message}", ex);
        }
    }

    private static int Write(CliContext context, string format, string returnName, ImportResult result, LocalDate today)
    {
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var report = ImportReport.Build(result, AuthorityParameters.Default, calendar, calendar, today);
        if (format == "text")
        {
            ImportText.Write(context.Out, returnName, report, today);
        }
        else
        {
            context.Out.WriteLine(report.ToJson(indented: true));
        }

        return ExitCodes.Success;
    }
}
