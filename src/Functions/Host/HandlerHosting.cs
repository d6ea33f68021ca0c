using System.Globalization;
using System.Text.Json;

namespace Scheduler.Functions.Host;

/// <summary>Where the handler listens and which local settings it reads.</summary>
public static class HandlerHosting
{
    /// <summary>Environment variable the Functions host sets to the port it forwards invocations to.</summary>
    public const string CustomHandlerPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>Port used when running outside the Functions host (the same as <c>func start</c>).</summary>
    public const int DefaultLocalPort = 7071;

    /// <summary>True when the Functions host started this process (it always sets the port variable).</summary>
    public static bool IsUnderFunctionsHost(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[CustomHandlerPortVariable]);

    /// <summary>
    /// Listens on <c>http://127.0.0.1:{FUNCTIONS_CUSTOMHANDLER_PORT}</c>; outside the host on 7071 unless
    /// <c>urls</c> was configured explicitly.
    /// </summary>
    public static WebApplicationBuilder UseCustomHandlerUrl(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[CustomHandlerPortVariable];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!int.TryParse(configured, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new InvalidOperationException($"{CustomHandlerPortVariable} must be a TCP port number, not '{configured}'.");
            }

            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        else if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{DefaultLocalPort}");
        }

        return builder;
    }

    /// <summary>
    /// Adds the <c>Values</c> of a Core Tools style <c>local.settings.json</c> as the lowest-priority
    /// configuration (environment variables and command line win), mapping <c>__</c> to <c>:</c>.
    /// Skipped under the Functions host and when the file does not exist.
    /// </summary>
    public static IConfigurationBuilder AddLocalSettingsJson(this ConfigurationManager configuration, string path)
    {
        if (IsUnderFunctionsHost(configuration) || !File.Exists(path))
        {
            return configuration;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var section) && section.ValueKind == JsonValueKind.Object)
        {
            foreach (var setting in section.EnumerateObject())
            {
                values[setting.Name.Replace("__", ":", StringComparison.Ordinal)] = setting.Value.ValueKind == JsonValueKind.String
                    ? setting.Value.GetString()
                    : setting.Value.GetRawText();
            }
        }

        IConfigurationBuilder builder = configuration;
        builder.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = values });
        return configuration;
    }
}
