using Spectre.Console;

namespace Scheduler.Cli;

/// <summary>A Spectre.Console console over a plain writer: no colours or ANSI codes, so text output can be piped.</summary>
public static class TextConsole
{
    /// <summary>Creates a console writing to <paramref name="writer"/>.</summary>
    public static IAnsiConsole Create(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        return console;
    }
}
