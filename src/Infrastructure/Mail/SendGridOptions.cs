namespace Scheduler.Infrastructure.Mail;

/// <summary>SendGrid settings (section <c>Scheduler:SendGrid</c>). No API key means the local outbox is used instead.</summary>
public sealed class SendGridOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Scheduler:SendGrid";

    /// <summary>The API key (a Key Vault reference in Azure). Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API base URL; tests point it at a local server that checks the wire contract.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.sendgrid.com");

    /// <summary>How long one request may take before it counts as a transient failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
