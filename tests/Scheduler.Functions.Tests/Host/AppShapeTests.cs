using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Host;

/// <summary>host.json and the local settings sample are an isolated-worker app's, and every setting the code reads is in the sample and documented.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class AppShapeTests(AzuriteFixture azurite)
{
    private static string Root => AzuriteFixture.FindRepoRoot();

    private static JsonNode ReadJson(params string[] parts) => JsonNode.Parse(File.ReadAllText(Path.Combine([Root, .. parts])))!;

    [Fact]
    public void Host_json_is_an_isolated_worker_apps_with_the_queue_settings()
    {
        var host = ReadJson("host.json").AsObject();

        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.False(host.ContainsKey("customHandler"), "host.json still declares a custom handler");
        Assert.False(host.ContainsKey("extensionBundle"), "the isolated worker brings its extensions (extensions.json); a bundle is for scripts and custom handlers");
        Assert.Equal(string.Empty, host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        var queues = host["extensions"]!["queues"]!;
        Assert.Equal(5, queues["maxDequeueCount"]!.GetValue<int>());
        Assert.Equal("base64", queues["messageEncoding"]!.GetValue<string>());
        Assert.True(queues["batchSize"]!.GetValue<int>() is >= 1 and <= 32);
        Assert.True(queues["newBatchThreshold"]!.GetValue<int>() >= 0);
        Assert.True(TimeSpan.TryParse(queues["visibilityTimeout"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.False(host["extensions"]!.AsObject().ContainsKey("serviceBus"), "no Service Bus trigger is left");
        Assert.NotNull(host["functionTimeout"]);
    }

    [Fact]
    public void The_dispatchers_last_delivery_is_the_platforms_last_delivery()
    {
        // The dispatcher marks alerts failed on what it takes for the final delivery; the queue extension poisons after maxDequeueCount.
        var maxDequeueCount = ReadJson("host.json")["extensions"]!["queues"]!["maxDequeueCount"]!.GetValue<int>();
        Assert.Equal(maxDequeueCount, new Scheduler.Application.Alerts.Dispatch.DispatchOptions().MaxDeliveries);
        Assert.Equal(maxDequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture), ReadJson("local.settings.sample.json")["Values"]!["Scheduler__Dispatch__MaxDeliveries"]!.GetValue<string>());
    }

    [Fact]
    public void The_sample_settings_run_the_isolated_worker_on_safe_local_values()
    {
        var values = ReadJson("local.settings.sample.json")["Values"]!.AsObject();

        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]!.GetValue<string>());
        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]!.GetValue<string>());
        Assert.DoesNotContain(values, v => v.Key.Contains("CUSTOMHANDLER", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(values, v => v.Key.StartsWith("Scheduler__LocalTriggers", StringComparison.Ordinal) || v.Key == "Scheduler__Messaging__Transport");
        Assert.Equal(string.Empty, values["Scheduler__SendGrid__ApiKey"]!.GetValue<string>());
        Assert.Equal(".local/outbox", values["Scheduler__Outbox__Directory"]!.GetValue<string>());
        Assert.Equal("0 0 6 * * *", values["Scheduler__Sweep__Schedule"]!.GetValue<string>());
        Assert.Equal("http://127.0.0.1:7071", values["Scheduler__PublicBaseUrl"]!.GetValue<string>());
        Assert.Equal("false", values["Scheduler__SeedDemo"]!.GetValue<string>());
        var demoKeyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("scheduler-local-demo-operator-key")));
        Assert.Equal(demoKeyHash, values["Scheduler__OperatorKeySha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_setting_the_app_reads_is_in_the_sample_and_in_the_configuration_doc()
    {
        var read = await SettingsReadAsync();
        Assert.Contains("Scheduler__Sweep__Schedule", read);
        Assert.Contains("Scheduler__Storage__ConnectionString", read);
        Assert.Contains("Scheduler__OperatorKeySha256", read);
        Assert.Contains("Scheduler__SeedDemo", read);

        var sample = ReadJson("local.settings.sample.json")["Values"]!.AsObject().Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        var doc = File.ReadAllText(Path.Combine(Root, "docs", "configuration.md"));
        var documented = SettingInTable().Matches(doc).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var notInSample = read.Where(k => !sample.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(notInSample.Count == 0, "Not in local.settings.sample.json: " + string.Join(", ", notInSample));
        var notDocumented = read.Where(k => !documented.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(notDocumented.Count == 0, "No row in docs/configuration.md: " + string.Join(", ", notDocumented));
    }

    /// <summary>
    /// The settings the app reads ('__' spelling): the keys read directly (at start), and each bound options class's
    /// section (seen when its value is first made) joined with each of its settable properties.
    /// </summary>
    private async Task<HashSet<string>> SettingsReadAsync()
    {
        var recording = new RecordingConfiguration();
        var optionTypes = new List<Type>();
        var settings = new HashSet<string>(StringComparer.Ordinal);
        var allSections = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var app = BareLocalHost.Build(azurite, configure: builder =>
        {
            ((IConfigurationBuilder)builder.Configuration).Add(recording);
            optionTypes.AddRange(builder.Services
                .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
                .Select(d => d.ServiceType.GetGenericArguments()[0])
                .Where(t => t.Namespace?.StartsWith("Scheduler.", StringComparison.Ordinal) == true)
                .Distinct());
        });

        // Each options class alone, before the app starts (which makes them all at once).
        foreach (var type in optionTypes)
        {
            var before = recording.Keys.Count;
            var options = app.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            _ = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);

            // The binder asks for the section's value, and for the value of each property the configuration has.
            var properties = type.GetProperties().Where(p => p.CanWrite && p.GetSetMethod() is not null).Select(p => p.Name).ToList();
            var sections = recording.Keys.Skip(before).Where(IsOurs)
                .Select(k => properties.Any(p => k.EndsWith(":" + p, StringComparison.OrdinalIgnoreCase)) ? k[..k.LastIndexOf(':')] : k)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            Assert.True(sections.Count > 0, $"{type.Name} is bound to no Scheduler section");
            allSections.UnionWith(sections);
            foreach (var section in sections)
            {
                settings.UnionWith(properties.Select(p => $"{section}:{p}".Replace(":", "__", StringComparison.Ordinal)));
            }
        }

        var direct = recording.Keys.Count;
        await app.StartAsync();
        await app.StopAsync();

        // Options validated at start are made once more (by the options monitor): their sections are not settings.
        foreach (var key in recording.Keys.Skip(direct).Where(IsOurs).Where(k => !allSections.Contains(k)))
        {
            settings.Add(key.Replace(":", "__", StringComparison.Ordinal));
        }

        // SCHEDULER_TODAY is read while the services are composed, before a test can add its recorder.
        settings.Add(Scheduler.Application.Demo.DemoClock.TodayVariable);
        return settings;
    }

    private static bool IsOurs(string key) => key.StartsWith("Scheduler", StringComparison.OrdinalIgnoreCase) || key.StartsWith("SCHEDULER_", StringComparison.Ordinal);

    [GeneratedRegex(@"^\| `([A-Za-z0-9_]+)`", RegexOptions.Multiline)]
    private static partial Regex SettingInTable();
}
