using Scheduler.Functions;
using Scheduler.Functions.Hosting;
using Scheduler.Functions.Meta;

namespace Scheduler.LocalHost;

/// <summary>
/// Builds the local host: the same services as the worker (<see cref="SchedulerServices.AddScheduler"/>), the HTTP
/// functions on Kestrel (http://127.0.0.1:7071 unless <c>--urls</c> says otherwise), the timers and the queue pollers.
/// </summary>
public static class LocalHostApp
{
    /// <summary>The flag that seeds the demo authority at start-up.</summary>
    public const string SeedDemoFlag = "--seed-demo";

    /// <summary>The flag that leaves the timers and queue pollers off (tests drive them themselves).</summary>
    public const string NoTriggersFlag = "--no-triggers";

    /// <summary>The default address, the same as <c>func start</c>.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>A host ready to run; <paramref name="configure"/> may adjust configuration and services (tests).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var seedDemo = args.Contains(SeedDemoFlag, StringComparer.Ordinal);
        var triggers = !args.Contains(NoTriggersFlag, StringComparer.Ordinal);
        var builder = WebApplication.CreateBuilder([.. args.Where(a => a is not (SeedDemoFlag or NoTriggersFlag))]);
        builder.Configuration.AddLocalSettings(Path.Combine(builder.Environment.ContentRootPath, "local.settings.json"));
        if (seedDemo)
        {
            builder.Configuration.AddInMemoryCollection([new(DemoSeeding.SeedDemoKey, "true")]);
        }

        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.UseUtcTimestamp = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });

        builder.Services.AddScheduler(builder.Configuration);
        AddApplicationInsights(builder);
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddSingleton<IEnumerable<FunctionEntry>>(FunctionCatalog.All);
        builder.Services.AddSingleton(HostSettings.ReadQueueOptions(Path.Combine(AppContext.BaseDirectory, "host.json")));
        if (triggers)
        {
            builder.Services.AddHostedService<TimerTriggers>();
            builder.Services.AddHostedService<QueueTriggers>();
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseMiddleware<RequestLog>();
        app.MapHttpFunctions(FunctionCatalog.All);
        return app;
    }

    /// <summary>
    /// Request, dependency and log telemetry when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, as the
    /// Functions host and the worker send it in Azure; the container's telemetry initializers (the key and path
    /// redaction) run on every item.
    /// </summary>
    private static void AddApplicationInsights(WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        builder.Services.AddApplicationInsightsTelemetry(options =>
        {
            options.ConnectionString = connectionString;

            // A local run talks to the ingestion endpoint only: no live-metrics channel, no probe of the Azure
            // instance metadata service, no App Service heartbeat.
            options.EnableQuickPulseMetricStream = false;
            options.EnableAzureInstanceMetadataTelemetryModule = false;
            options.EnableAppServicesHeartbeatTelemetryModule = false;
        });
    }
}
