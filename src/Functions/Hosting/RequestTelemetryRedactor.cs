using System.Text.RegularExpressions;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;

namespace Scheduler.Functions.Hosting;

/// <summary>
/// Keeps keys and personal-looking path values out of Application Insights: a request's URL keeps its scheme,
/// host and query without <c>key</c>, its path has values that are not identifiers of their kind replaced by the
/// kind (<see cref="RouteTemplates.SafePath"/>), and its name becomes the method and route template, so requests
/// group by operation. Any <c>key=…</c> left in a URL, message or property of any other item is blanked.
/// Registered in the container, so the worker's telemetry (WorkerService) and the local host's (ASP.NET Core) both run it.
/// </summary>
public sealed partial class RequestTelemetryRedactor : ITelemetryInitializer
{
    /// <summary>What a removed secret reads as.</summary>
    public const string Redacted = "[redacted]";

    /// <inheritdoc />
    public void Initialize(ITelemetry telemetry)
    {
        switch (telemetry)
        {
            case RequestTelemetry request when request.Url is { } url:
                request.Url = SafeUrl(url);
                var space = request.Name?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
                if (space > 0)
                {
                    request.Name = request.Name![..space] + " " + RouteTemplates.Of(new PathString(url.AbsolutePath));
                }

                break;
            case DependencyTelemetry dependency when dependency.Data is { } data:
                dependency.Data = Blank(data);
                break;
            case TraceTelemetry trace when trace.Message is { } message:
                trace.Message = Blank(message);
                break;
        }

        if (telemetry is ISupportProperties withProperties)
        {
            foreach (var name in withProperties.Properties.Keys.ToList())
            {
                if (withProperties.Properties[name] is { } value)
                {
                    withProperties.Properties[name] = Blank(value);
                }
            }
        }
    }

    /// <summary>The URL with its path made safe and the <c>key</c> query parameter removed.</summary>
    public static Uri SafeUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return new Uri(Blank(url.OriginalString), UriKind.Relative);
        }

        var query = string.Join('&', url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !string.Equals(Uri.UnescapeDataString(p.Split('=')[0]), ApiEndpoint.KeyQuery, StringComparison.OrdinalIgnoreCase)));
        var path = RouteTemplates.SafePath(new PathString(Uri.UnescapeDataString(url.AbsolutePath)));
        return new Uri(url.GetLeftPart(UriPartial.Authority) + path + (query.Length > 0 ? "?" + query : string.Empty));
    }

    /// <summary>Text with the value of every <c>key=</c> parameter blanked.</summary>
    public static string Blank(string text) => KeyParameter().Replace(text ?? string.Empty, "${name}=" + Redacted);

    [GeneratedRegex(@"(?<name>(?<=[?&;\s]|^)key)=[^&\s""'<>#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyParameter();
}
