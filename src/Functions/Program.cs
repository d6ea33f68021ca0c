using Scheduler.Functions.Host;
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

builder.Services.AddFunctionsHost(builder.Configuration);
builder.Services.AddLocalTriggers();

var app = builder.Build();
app.MapHealth();
app.MapInvocations();
app.Run();

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
