using System.CommandLine;
using Scheduler.Cli.Commands;
using Scheduler.Domain.Calendar;

namespace Scheduler.Cli;

/// <summary>The <c>scheduler</c> command line: builds the command tree and runs it against a <see cref="CliContext"/>.</summary>
public static class CliApp
{
    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code (2 for bad input).</summary>
    public static int Run(string[] args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);

        var root = BuildRoot(context);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            context.Error.WriteLine($"scheduler: {OneLine(string.Join("; ", parseResult.Errors.Select(e => e.Message.TrimEnd('.')).Distinct()))}");
            return ExitCodes.Usage;
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,

                // Exceptions are turned into exit codes below, not printed as stack traces.
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception ex) when (ex is UsageException or CalendarRangeException or FormatException)
        {
            context.Error.WriteLine($"scheduler: {OneLine(ex.Message)}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"scheduler: {OneLine(ex.Message)}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>The command tree.</summary>
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("Statutory oversight and child-case dates for English children's services (working days, bank holidays, calendars).");
        root.Subcommands.Add(HolidaysCommand.Create(context));
        root.Subcommands.Add(WorkdaysCommand.Create(context));
        foreach (var command in CalendarCommands.Create(context))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(ImportCommands.Create(context));

        return root;
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
