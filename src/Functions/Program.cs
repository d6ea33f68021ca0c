using NodaTime;
using Scheduler.Functions.Application;
using Scheduler.Functions.Host;
using Scheduler.Functions.Sweep;
using Scheduler.Functions.Triggers;

var (arguments, localTriggersFlag) = LocalTriggerActivation.StripFlag(args);
var builder = WebApplication.CreateBuilder(arguments);
builder.Configuration.AddLocalSettingsJson(Path.Combine(builder.Environment.ContentRootPath, "local.settings.json"));
if (localTriggersFlag)
{
    builder.Configuration.AddInMemoryCollection([new(LocalTriggerActivation.EnabledKey, "true")]);
}

builder.UseCustomHandlerUrl();
builder.Logging.AddSimpleConsole(console =>
{
    console.SingleLine = true;
    console.UseUtcTimestamp = true;
    console.TimestampFormat = "HH:mm:ss.fff ";
});

// Demo and test runs pin "today" (SCHEDULER_TODAY=2017-12-11); registered before the host's system clock.
if (builder.Configuration[FixedClock.TodayVariable] is { Length: > 0 } pinnedToday)
{
    builder.Services.AddSingleton<IClock>(FixedClock.Parse(pinnedToday));
}

builder.Services.AddFunctionsHost(builder.Configuration);
builder.Services.AddSweep(builder.Configuration);
builder.Services.AddLocalTriggers();

var app = builder.Build();
app.MapHealth();
app.MapInvocations();
app.MapSweepOperations();
app.Run();

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
