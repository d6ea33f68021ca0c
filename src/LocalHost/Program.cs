using Scheduler.LocalHost;

await LocalHostApp.Build(args).RunAsync();
