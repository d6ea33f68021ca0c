using System.ComponentModel.DataAnnotations;

namespace Scheduler.Application.Alerts.Links;

/// <summary>
/// How action links are signed (section <c>Scheduler:Links</c>): <c>Scheduler__Links__Secret</c> (a Key Vault
/// reference in Azure), <c>Scheduler__Links__PreviousSecret</c> (accepted during a rotation's grace period; empty
/// means none) and <c>Scheduler__Links__ValidDays</c>. Checked at start by <see cref="LinkOptionsValidation"/>.
/// </summary>
public sealed class LinkOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Scheduler:Links";

    /// <summary>The shortest secret accepted, in bytes of its UTF-8 text.</summary>
    public const int MinimumSecretBytes = 32;

    /// <summary>
    /// The published development secret: used only by a local run that sets no secret (see
    /// <see cref="LinkHost.AllowsDevelopmentSecret"/>), never in Azure. Anyone can forge links signed with it.
    /// </summary>
    public const string DevelopmentSecret = "scheduler-PUBLISHED-development-link-secret-local-runs-only";

    /// <summary>The key that signs new links and checks them.</summary>
    public string? Secret { get; set; }

    /// <summary>The key before the last rotation, still accepted for links it signed; empty for none.</summary>
    public string? PreviousSecret { get; set; }

    /// <summary>Days a link stays valid after the day it was issued (inclusive of the last).</summary>
    [Range(1, 365)]
    public int ValidDays { get; set; } = 30;

    /// <summary>Lets a local run without a development signal (demo clock, Development environment) use the development secret.</summary>
    public bool AllowDevelopmentSecret { get; set; }
}
