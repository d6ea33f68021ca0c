using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Functions.Alerts;

namespace Scheduler.Functions.Tests.Alerts;

/// <summary>Which adapters the configuration selects.</summary>
public sealed class AlertDeliveryRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddAlertDelivery(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task Without_a_sendgrid_key_email_goes_to_the_outbox_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "scheduler-outbox-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var services = Build(new() { ["Scheduler:Outbox:Directory"] = folder, ["Scheduler:SendGrid:ApiKey"] = "" });

            var outcome = await services.GetRequiredService<IEmailSender>().SendAsync(Samples.Email(), CancellationToken.None);

            Assert.True(outcome.IsSent);
            Assert.Single(Directory.GetFiles(folder, "*.eml"));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task With_a_sendgrid_key_email_goes_to_the_configured_base_url()
    {
        await using var server = await WireServer.StartAsync(r => new Reply(202));
        using var services = Build(new()
        {
            ["Scheduler:SendGrid:ApiKey"] = "SG.key",
            ["Scheduler:SendGrid:BaseUrl"] = server.BaseAddress.AbsoluteUri,
        });

        var outcome = await services.GetRequiredService<IEmailSender>().SendAsync(Samples.Email(), CancellationToken.None);

        Assert.True(outcome.IsSent);
        Assert.Equal("Bearer SG.key", Assert.Single(server.Requests).Header("Authorization"));
    }

    [Fact]
    public void Service_bus_transport_selects_the_rest_sender()
    {
        using var services = Build(new()
        {
            ["Scheduler:Messaging:Transport"] = "ServiceBus",
            ["Scheduler:ServiceBus:FullyQualifiedNamespace"] = "sb-sched-test.servicebus.windows.net",
        });

        Assert.IsType<RetryingMessageSender>(services.GetRequiredService<IMessageSender>());
        Assert.NotNull(services.GetRequiredService<ServiceBusRestSender>());
    }

    [Fact]
    public void Storage_queue_transport_selects_the_storage_sender()
    {
        using var services = Build(new()
        {
            ["Scheduler:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        });

        Assert.IsType<StorageQueueMessageSender>(services.GetRequiredService<IMessageSender>());
    }
}
