using System.ComponentModel.DataAnnotations;

namespace Scheduler.Application;

/// <summary>Where the app is reached (section <c>Scheduler</c>: <c>Scheduler__PublicBaseUrl</c>), for links in emails and feeds.</summary>
public sealed class SiteOptions
{
    /// <summary>The https URL of the app (for example <c>https://func-scheduler-prod.azurewebsites.net</c>).</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";
}
