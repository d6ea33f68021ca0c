using Scheduler.Functions.Api;
using Scheduler.Functions.Host;
using Scheduler.Functions.State;
using Scheduler.Functions.Sweep;
using Scheduler.Functions.Triggers;

var (arguments, localTriggersFlag) = LocalTriggerActivation.StripFlag(args);
var seedDemo = arguments.Contains("--seed-demo", StringComparer.Ordinal);
arguments = [.. arguments.Where(a => a != "--seed-demo")];
var builder = WebApplication.CreateBuilder(arguments);
builder.Configuration.AddLocalSettingsJson(Path.Combine(builder.Environment.ContentRootPath, "local.settings.json"));
if (localTriggersFlag)
{
    builder.Configuration.AddInMemoryCollection([new(LocalTriggerActivation.EnabledKey, "true")]);
}

if (seedDemo)
{
    builder.Configuration.AddInMemoryCollection([new(StateInitializer.SeedDemoKey, "true")]);
}

builder.UseCustomHandlerUrl();
builder.Logging.AddSimpleConsole(console =>
{
    console.SingleLine = true;
    console.UseUtcTimestamp = true;
    console.TimestampFormat = "HH:mm:ss.fff ";
});

builder.Services.AddFunctionsHost(builder.Configuration);
builder.Services.AddLocalTriggers();
builder.Services.AddSchedulerApi(builder.Configuration);
builder.Services.AddSweep(builder.Configuration);

var app = builder.Build();
app.UseSchedulerApiErrors();
app.MapHealth();
app.MapSchedulerApi();
app.MapInvocations();
app.MapSweepOperations();
app.Run();

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
