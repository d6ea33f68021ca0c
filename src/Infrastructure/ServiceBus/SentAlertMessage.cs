using System.Text.Json.Serialization;
using NodaTime;

namespace Scheduler.Infrastructure.ServiceBus;

/// <summary>
/// The body of one published alert: what a Power Automate flow or a case system needs to route it, and nothing
/// personal (the case reference identifies the child; no recipient address).
/// </summary>
public sealed record SentAlertMessage(
    [property: JsonPropertyName("alertKey")] string AlertKey,
    [property: JsonPropertyName("authority")] string Authority,
    [property: JsonPropertyName("subjectKind")] string SubjectKind,
    [property: JsonPropertyName("subjectId")] string SubjectId,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("due")] LocalDate Due,
    [property: JsonPropertyName("effective")] LocalDate Effective,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("daysOverdue")] int DaysOverdue,
    [property: JsonPropertyName("recipientRole")] string RecipientRole,
    [property: JsonPropertyName("sentAt")] Instant? SentAt);
