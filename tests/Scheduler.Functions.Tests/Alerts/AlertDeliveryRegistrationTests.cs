using Microsoft.Extensions.DependencyInjection;
using Scheduler.Application.Ports;
using Scheduler.Infrastructure.Mail;
using Scheduler.Infrastructure.Queues;
using Scheduler.Infrastructure.ServiceBus;

namespace Scheduler.Functions.Tests.Alerts;

/// <summary>Which adapters the configuration selects, through the app's composition root.</summary>
public sealed class AlertDeliveryRegistrationTests
{
    private const string Storage = "UseDevelopmentStorage=true";

    [Fact]
    public async Task Without_a_sendgrid_key_email_goes_to_the_outbox_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "scheduler-outbox-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var services = Samples.Services(new Dictionary<string, string?>
            {
                ["Scheduler:Storage:ConnectionString"] = Storage,
                ["Scheduler:Outbox:Directory"] = folder,
                ["Scheduler:SendGrid:ApiKey"] = "",
            });

            var sender = services.GetRequiredService<IEmailSender>();
            var outcome = await sender.SendAsync(Samples.Email(), CancellationToken.None);

            Assert.IsType<OutboxEmailSender>(sender);
            Assert.True(outcome.IsSent);
            Assert.Single(Directory.GetFiles(folder, "*.eml"));
            // The operator's outbox listing reads the same folder.
            Assert.Equal(Path.GetFullPath(folder), services.GetRequiredService<IOutbox>().Directory);
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
        using var services = Samples.Services(new Dictionary<string, string?>
        {
            ["Scheduler:Storage:ConnectionString"] = Storage,
            ["Scheduler:SendGrid:ApiKey"] = "SG.key",
            ["Scheduler:SendGrid:BaseUrl"] = server.BaseAddress.AbsoluteUri,
        });

        var sender = services.GetRequiredService<IEmailSender>();
        var outcome = await sender.SendAsync(Samples.Email(), CancellationToken.None);

        Assert.IsType<SendGridEmailSender>(sender);
        Assert.True(outcome.IsSent);
        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer SG.key", request.Header("Authorization"));
        Assert.Empty(SendGridContract.Violations(request, "SG.key"));
    }

    [Fact]
    public async Task A_configured_service_bus_topic_selects_the_service_bus_publisher()
    {
        // The Service Bus client only disposes asynchronously.
        await using var services = Samples.Services(new Dictionary<string, string?>
        {
            ["Scheduler:Storage:ConnectionString"] = Storage,
            ["Scheduler:ServiceBus:FullyQualifiedNamespace"] = "sb-sched-test.servicebus.windows.net",
            ["Scheduler:ServiceBus:Topic"] = "alerts-sent",
        });

        var publisher = services.GetRequiredService<IAlertPublisher>();

        Assert.IsType<ServiceBusAlertPublisher>(publisher);
        Assert.True(publisher.IsEnabled);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("sb-sched-test.servicebus.windows.net", null)]
    [InlineData(null, "alerts-sent")]
    public void Without_a_namespace_and_topic_nothing_is_published(string? fullyQualifiedNamespace, string? topic)
    {
        using var services = Samples.Services(new Dictionary<string, string?>
        {
            ["Scheduler:Storage:ConnectionString"] = Storage,
            ["Scheduler:ServiceBus:FullyQualifiedNamespace"] = fullyQualifiedNamespace,
            ["Scheduler:ServiceBus:Topic"] = topic,
        });

        var publisher = services.GetRequiredService<IAlertPublisher>();

        Assert.IsType<NoAlertPublisher>(publisher);
        Assert.False(publisher.IsEnabled);
    }

    [Fact]
    public void Messages_go_to_storage_queues()
    {
        using var services = Samples.Services(new Dictionary<string, string?> { ["Scheduler:Storage:ConnectionString"] = Storage });

        Assert.IsType<StorageQueueSender>(services.GetRequiredService<IMessageQueue>());
        Assert.IsType<StoragePoisonQueue>(services.GetRequiredService<IPoisonQueue>());
    }
}
