using System.Text.Json;

namespace Scheduler.LocalHost;

/// <summary>
/// The settings Core Tools would read: <c>Values</c> of <c>local.settings.json</c> (lowest priority, <c>__</c> read as
/// <c>:</c>) and the queue settings of <c>host.json</c>.
/// </summary>
public static class HostSettings
{
    /// <summary>Adds the <c>Values</c> of a local settings file, when it exists, below every other source.</summary>
    public static void AddLocalSettings(this ConfigurationManager configuration, string path)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!File.Exists(path))
        {
            return;
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
    }

    /// <summary>The <c>extensions.queues</c> settings of a host.json, with the platform's defaults for what it leaves out.</summary>
    public static QueueHostOptions ReadQueueOptions(string hostJsonPath)
    {
        var options = new QueueHostOptions();
        if (!File.Exists(hostJsonPath))
        {
            return options;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(hostJsonPath));
        if (!document.RootElement.TryGetProperty("extensions", out var extensions) || !extensions.TryGetProperty("queues", out var queues))
        {
            return options;
        }

        return options with
        {
            MaxDequeueCount = Int(queues, "maxDequeueCount") ?? options.MaxDequeueCount,
            BatchSize = Int(queues, "batchSize") ?? options.BatchSize,
            NewBatchThreshold = Int(queues, "newBatchThreshold") ?? options.NewBatchThreshold,
            VisibilityTimeout = Span(queues, "visibilityTimeout") ?? options.VisibilityTimeout,
            MaxPollingInterval = Span(queues, "maxPollingInterval") ?? options.MaxPollingInterval,
        };
    }

    private static int? Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt32(out var i) ? i : null;

    private static TimeSpan? Span(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && TimeSpan.TryParse(v.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : null;
}

/// <summary>
/// How the queue trigger behaves (host.json <c>extensions.queues</c>; defaults as the Functions host's): messages
/// are fetched <see cref="BatchSize"/> at a time and processed concurrently, a new batch is fetched when at most
/// <see cref="NewBatchThreshold"/> are still running, a failed message becomes visible again after
/// <see cref="VisibilityTimeout"/>, and after <see cref="MaxDequeueCount"/> failed deliveries it moves to <c>&lt;queue&gt;-poison</c>.
/// </summary>
public sealed record QueueHostOptions
{
    public int MaxDequeueCount { get; init; } = 5;

    public int BatchSize { get; init; } = 16;

    public int NewBatchThreshold { get; init; } = 8;

    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);
}
