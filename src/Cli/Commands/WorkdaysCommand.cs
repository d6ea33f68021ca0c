using System.CommandLine;
using NodaTime.Text;
using Scheduler.Domain.Calendar;

namespace Scheduler.Cli.Commands;

/// <summary><c>scheduler workdays add|count|is</c>: working-day arithmetic ("within N working days of X": X is day 0).</summary>
public static class WorkdaysCommand
{
    /// <summary>Builds the command and its three subcommands.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("workdays", "Working-day arithmetic for England and Wales.");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(Count(context));
        command.Subcommands.Add(Is(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var date = CliOptions.DateArgument("date", "The trigger date X (day 0, never counted)");
        var days = new Option<int>("--days", "-n")
        {
            Description = "N: working days to add; negative counts backwards",
            Required = true,
        };
        var import = CliOptions.Import();
        var command = new Command("add", "The Nth working day after a date.") { date, days, import };
        command.SetAction(parse =>
        {
            var calendar = Calendar(parse.GetValue(import));
            var result = calendar.AddWorkingDays(parse.GetValue(date), parse.GetValue(days));
            context.Out.WriteLine(LocalDatePattern.Iso.Format(result));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Count(CliContext context)
    {
        var from = CliOptions.DateArgument("from", "Start date (not counted)");
        var to = CliOptions.DateArgument("to", "End date (counted)");
        var import = CliOptions.Import();
        var command = new Command("count", "Working days after FROM up to and including TO (negative if TO is earlier).")
        {
            from, to, import,
        };
        command.SetAction(parse =>
        {
            var calendar = Calendar(parse.GetValue(import));
            context.Out.WriteLine(calendar.WorkingDaysBetween(parse.GetValue(from), parse.GetValue(to)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Is(CliContext context)
    {
        var date = CliOptions.DateArgument("date", "The date to test");
        var import = CliOptions.Import();
        var command = new Command("is", "Whether a date is a working day: prints true or false.") { date, import };
        command.SetAction(parse =>
        {
            var calendar = Calendar(parse.GetValue(import));
            context.Out.WriteLine(calendar.IsWorkingDay(parse.GetValue(date)) ? "true" : "false");
            return ExitCodes.Success;
        });
        return command;
    }

    private static WorkingDayCalendar Calendar(FileInfo? import) =>
        import is null ? WorkingDayCalendar.EnglandAndWales : WorkingDayCalendar.FromHolidays(CliOptions.Holidays(import));
}
