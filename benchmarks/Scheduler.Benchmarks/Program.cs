using BenchmarkDotNet.Running;
using Scheduler.Benchmarks;

// "workdays --quick" / "timelines --quick" / "returns --quick [folder]" run Stopwatch measurements without
// BenchmarkDotNet ("returns --generate folder" only writes the synthetic returns; "timelines --profile [previous]"
// runs the current, or the previous, timelines alone, for perf record); anything else goes to BenchmarkDotNet's
// switcher (for example: --filter '*AddWorkingDays*' --job short).
if (args.Length >= 2 && args[1] == "--quick")
{
    return args[0] switch
    {
        "workdays" => WorkdaysQuick.Run(),
        "timelines" => TimelinesQuick.Run(),
        "returns" => ReturnsQuick.Run(args.Length >= 3 ? args[2] : null),
        _ => Usage(),
    };
}

if (args is ["returns", "--generate", var folder])
{
    return ReturnsQuick.Generate(folder);
}

if (args is ["timelines", "--profile", ..])
{
    return TimelinesQuick.Profile(previous: args is [_, _, "previous"]);
}

BenchmarkSwitcher.FromAssembly(typeof(WorkdaysQuick).Assembly).Run(args);
return 0;

static int Usage()
{
    Console.Error.WriteLine("usage: Scheduler.Benchmarks (workdays|timelines|returns) --quick | returns --generate FOLDER | timelines --profile [previous] | [BenchmarkDotNet options]");
    return 2;
}
