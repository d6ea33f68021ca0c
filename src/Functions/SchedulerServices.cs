using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using Scheduler.Application.Alerts.Dispatch;
using Scheduler.Application.Alerts.Links;
using Scheduler.Application.Alerts.Sweep;
using Scheduler.Application.Demo;
using Scheduler.Application.Retention;
using Scheduler.Functions.Actions;
using Scheduler.Functions.Hosting;
using Scheduler.Functions.Triggers;
using Scheduler.Infrastructure;

namespace Scheduler.Functions;

/// <summary>
/// The composition root, shared by the worker's <c>Program</c> and the local host: each service, store and clock
/// registered once, every option bound from configuration and validated when the app starts, so a missing or bad
/// setting stops it with a message naming the setting.
/// </summary>
public static class SchedulerServices
{
    /// <summary>The log category of ASP.NET Core's per-request lines, kept at Warning.</summary>
    public const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>The Azure SDK's log category (its request and response lines).</summary>
    public const string AzureSdkCategory = "Azure.Core";

    /// <summary>Everything the functions need.</summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<IClock>(configuration[DemoClock.TodayVariable] is { Length: > 0 } today
            ? DemoClock.Parse(today, SystemClock.Instance)
            : SystemClock.Instance);

        services.AddValidatedOptions<AccessOptions>("Scheduler");
        services.AddValidatedOptions<SiteOptions>("Scheduler");
        services.AddValidatedOptions<MailOptions>("Scheduler:SendGrid");
        services.AddValidatedOptions<SweepOptions>(SweepOptions.Section);
        services.AddValidatedOptions<DispatchOptions>("Scheduler:Dispatch");
        services.AddValidatedOptions<RetentionOptions>("Scheduler:Retention");
        services.AddValidatedOptions<LinkOptions>(LinkOptions.Section);
        var demo = !string.IsNullOrEmpty(configuration[DemoClock.TodayVariable]);
        services.AddSingleton(sp => LinkHostOf(configuration, demo, sp));
        services.AddSingleton<IValidateOptions<LinkOptions>, LinkOptionsValidation>();

        services.AddSchedulerApplication();
        services.AddSchedulerInfrastructure(configuration);
        services.AddSingleton<ApiEndpoint>();
        services.AddSingleton<QueueRefusal>();
        services.AddSingleton<ActionForms>();
        services.AddSingleton<ActionPageResponder>();
        services.AddHostedService<DemoSeeding>();

        // ASP.NET Core's "Request starting/finished" lines carry the path and query as sent: the query of a feed
        // request is its key, and a path can carry a name where a case reference belongs. ApiEndpoint logs each
        // refusal with the route template instead, and the local host writes its own request line the same way.
        services.AddLogging(logging => logging.AddFilter(HostingDiagnosticsCategory, LogLevel.Warning));

        // The Azure SDK logs every storage request at Information and every 404/409/412 answer at Warning; those
        // answers are the app's conditional writes and existence checks working as designed, and the app logs
        // what each outcome means. Left on, they drown the log (hundreds of lines per sweep) and the telemetry bill.
        services.AddLogging(logging => logging.AddFilter(AzureSdkCategory, LogLevel.Error));
        services.AddSingleton<ITelemetryInitializer, RequestTelemetryRedactor>();
        return services;
    }

    // Where the app runs, for the development-secret rule: the platform's variables mean Azure; the demo clock or a
    // Development environment mean a local run (docs/configuration.md). The demo clock is read while composing, as
    // the clock itself is.
    private static LinkHost LinkHostOf(IConfiguration configuration, bool demo, IServiceProvider services) => new(
        InAzure: new[] { "WEBSITE_INSTANCE_ID", "WEBSITE_SITE_NAME", "WEBSITE_POD_NAME" }.Any(v => !string.IsNullOrEmpty(configuration[v])),
        LoopbackBaseUrl: LinkHost.IsLoopback(services.GetRequiredService<IOptions<SiteOptions>>().Value.PublicBaseUrl),
        DevelopmentSignal: demo || services.GetRequiredService<IHostEnvironment>().IsDevelopment());

    private static void AddValidatedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
