using Azure.Messaging.ServiceBus;
using Scheduler.Domain.Alerts;

namespace Scheduler.Infrastructure.ServiceBus;

/// <summary>
/// Publishes each sent alert to the configured topic, one message per alert with <c>MessageId</c> = the alert key,
/// so the topic's duplicate detection drops a repeat (a redelivered digest, a retried publish, the same alert sent
/// to a second address of its role). The key is the alert's, not the ledger row's: that one ends with the address.
/// </summary>
public sealed partial class ServiceBusAlertPublisher(ServiceBusSender sender, ILogger<ServiceBusAlertPublisher> logger) : IAlertPublisher
{
    /// <summary>The content type of every message.</summary>
    public const string ContentType = "application/json";

    /// <inheritdoc />
    public bool IsEnabled => true;

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<AlertLedgerEntry> sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var messages = sent.Select(ToMessage).ToList();
        await sender.SendMessagesAsync(messages, cancellationToken).ConfigureAwait(false);
        LogPublished(logger, messages.Count, sender.EntityPath);
    }

    /// <summary>The message for one sent alert.</summary>
    public static ServiceBusMessage ToMessage(AlertLedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var a = entry.Alert;
        var body = new SentAlertMessage(
            a.Key, a.AuthorityCode, a.SubjectKind.Name(), a.SubjectId, a.Rule, a.Title, a.Due, a.Effective,
            AlertKey.LevelName(a.Level), a.DaysOverdue, a.RecipientRole.ToString(), entry.SentAt);
        var message = new ServiceBusMessage(BinaryData.FromString(StateJson.Serialize(body)))
        {
            MessageId = a.Key,
            ContentType = ContentType,
            Subject = AlertKey.LevelName(a.Level),
        };
        message.ApplicationProperties["authority"] = a.AuthorityCode;
        message.ApplicationProperties["level"] = AlertKey.LevelName(a.Level);
        message.ApplicationProperties["group"] = a.Group.ToString();
        return message;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} sent alerts to {Topic}")]
    private static partial void LogPublished(ILogger logger, int count, string topic);
}
