using System.ComponentModel.DataAnnotations;

namespace Scheduler.Application.Alerts.Dispatch;

/// <summary>The sender of alert emails (section <c>Scheduler:SendGrid</c>, shared with the SendGrid adapter).</summary>
public sealed class MailOptions
{
    /// <summary>The From address of every digest.</summary>
    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "alerts@scheduler.invalid";
}
