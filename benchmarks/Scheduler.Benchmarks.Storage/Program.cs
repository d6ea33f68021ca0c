using Scheduler.Benchmarks.Storage;

return await Commands.RunAsync(Args.Parse(args));
