using Microsoft.Extensions.DependencyInjection;

namespace Scheduler.Application;

/// <summary>Registers the use cases; the composition root adds the ports' adapters, the clock and the options.</summary>
public static class ApplicationServiceCollectionExtensions
{
    /// <summary>Every use case once. They are stateless, so one instance serves every invocation.</summary>
    public static IServiceCollection AddSchedulerApplication(this IServiceCollection services)
    {
        services.AddSingleton<KeyAuthenticator>();
        services.AddSingleton<AuthorityService>();
        services.AddSingleton<EpisodeService>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<CaseListing>();
        services.AddSingleton<SubjectWriter>();
        services.AddSingleton<SubjectRecomputer>();
        services.AddSingleton<DueIndexSync>();
        services.AddSingleton<CaseEventProcessor>();
        services.AddSingleton<WorkListService>();
        services.AddSingleton<AcknowledgementService>();
        services.AddSingleton<SweepRunner>();
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton<Alerts.Links.LinkSigner>();
        services.AddSingleton<Alerts.Links.ActionLinks>();
        services.AddSingleton<Alerts.Links.ActionPageService>();
        services.AddSingleton<RetentionService>();
        services.AddSingleton<Imports.ImportService>();
        services.AddSingleton<Demo.DemoSeeder>();
        return services;
    }
}
