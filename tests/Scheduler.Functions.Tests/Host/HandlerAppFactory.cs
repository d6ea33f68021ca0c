using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scheduler.Functions.Host;

namespace Scheduler.Functions.Tests.Host;

/// <summary>
/// The real handler app in-process, with local triggers off and optional extra registrations. The app's own
/// queue processors are removed so these framework tests plug in recording ones (the real case-events processor
/// is tested in Api/CaseEventsTests).
/// </summary>
internal sealed class HandlerAppFactory(Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Scheduler:LocalTriggers:Enabled", "false");
        builder.ConfigureServices(services => services.RemoveAll<IMessageProcessor>());
        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }
}
