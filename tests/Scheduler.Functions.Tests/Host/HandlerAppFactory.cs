using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Scheduler.Functions.Tests.Host;

/// <summary>The real handler app in-process, with local triggers off and optional extra registrations.</summary>
internal sealed class HandlerAppFactory(Action<IServiceCollection>? configureServices = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Scheduler:LocalTriggers:Enabled", "false");
        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }
}
