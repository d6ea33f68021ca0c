namespace Scheduler.Infrastructure.Mail;

/// <summary>The local outbox (<c>Scheduler__Outbox__Directory</c>), used when no SendGrid key is configured.</summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Scheduler:Outbox";

    /// <summary>The folder the .eml files go to.</summary>
    public string Directory { get; set; } = ".local/outbox";
}
