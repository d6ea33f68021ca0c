using System.CommandLine;
using NodaTime.Text;
using Scheduler.Contracts;
using Spectre.Console;

namespace Scheduler.Cli.Commands;

/// <summary><c>scheduler holidays --from Y --to Y [--import file] [--format json|text]</c>: England and Wales bank holidays.</summary>
public static class HolidaysCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var from = new Option<int?>("--from") { Description = "First year (defaults to this year)" };
        var to = new Option<int?>("--to") { Description = "Last year (defaults to --from)" };
        var import = CliOptions.Import();
        var format = CliOptions.Format("json", "text");

        var command = new Command("holidays", "List England and Wales bank holidays (non-working days) for a range of years.")
        {
            from, to, import, format,
        };
        command.SetAction(parse =>
        {
            var table = CliOptions.Holidays(parse.GetValue(import));
            var first = parse.GetValue(from) ?? context.Today.Year;
            var last = parse.GetValue(to) ?? first;
            if (last < first)
            {
                throw new UsageException($"--to {last} is before --from {first}.");
            }

            var holidays = table.Between(first, last).Select(HolidayJson.From).ToList();
            if (parse.GetValue(format) == "text")
            {
                var table2 = new Table().AddColumns("Date", "Day", "Holiday");
                foreach (var h in holidays)
                {
                    table2.AddRow(LocalDatePattern.Iso.Format(h.Date), h.Date.DayOfWeek.ToString()[..3], Markup.Escape(h.Name));
                }

                TextConsole.Create(context.Out).Write(table2);
            }
            else
            {
                context.Out.WriteLine(ContractJson.Serialize(holidays, indented: true));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
