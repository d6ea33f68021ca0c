namespace Scheduler.Application.Alerts.Links;

/// <summary>
/// What the host says about where the app runs, for the rule on the development secret: only a local run may
/// sign with it.
/// </summary>
/// <param name="InAzure">The platform's variables are present (<c>WEBSITE_INSTANCE_ID</c>, <c>WEBSITE_SITE_NAME</c>).</param>
/// <param name="LoopbackBaseUrl"><c>Scheduler__PublicBaseUrl</c> is on the loopback interface (127.0.0.0/8, ::1, localhost).</param>
/// <param name="DevelopmentSignal">The demo clock (<c>SCHEDULER_TODAY</c>) is set or the host environment is Development.</param>
public sealed record LinkHost(bool InAzure, bool LoopbackBaseUrl, bool DevelopmentSignal)
{
    /// <summary>Whether, with no secret set, links are signed with <see cref="LinkOptions.DevelopmentSecret"/>.</summary>
    public bool AllowsDevelopmentSecret(LinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !InAzure && LoopbackBaseUrl && (DevelopmentSignal || options.AllowDevelopmentSecret);
    }

    /// <summary>Whether <paramref name="publicBaseUrl"/> names a loopback host.</summary>
    public static bool IsLoopback(string? publicBaseUrl) =>
        Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));
}
