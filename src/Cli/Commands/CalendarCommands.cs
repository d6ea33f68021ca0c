using System.CommandLine;

namespace Scheduler.Cli.Commands;

/// <summary>The <c>calendar</c> and <c>case</c> commands, which need the rules engine.</summary>
public static class CalendarCommands
{
    /// <summary>Builds the commands.</summary>
    public static IEnumerable<Command> Create(CliContext context)
    {
        _ = context;
        return [];
    }
}
