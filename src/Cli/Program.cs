using NodaTime;
using Scheduler.Cli;

// Composition root: the only place the CLI reads the system clock or the real console.
return CliApp.Run(args, new CliContext(Console.Out, Console.Error, SystemClock.Instance));
