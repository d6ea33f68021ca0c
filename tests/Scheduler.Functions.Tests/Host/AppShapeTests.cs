using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scheduler.Functions.Host;

namespace Scheduler.Functions.Tests.Host;

/// <summary>host.json, function.json and the local settings sample say what CONTRACT.md fixes.</summary>
public sealed partial class AppShapeTests
{
    private static JsonNode ReadJson(params string[] parts) => JsonNode.Parse(File.ReadAllText(RepoPaths.File(parts)))!;

    [Fact]
    public void Host_json_declares_the_custom_handler()
    {
        var host = ReadJson("host.json");

        Assert.Equal("2.0", (string?)host["version"]);
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", (string?)host["extensionBundle"]!["id"]);
        Assert.Equal("[4.*, 5.0.0)", (string?)host["extensionBundle"]!["version"]);
        Assert.Equal("Scheduler.Functions", (string?)host["customHandler"]!["description"]!["defaultExecutablePath"]);
        Assert.True((bool?)host["customHandler"]!["enableForwardingHttpRequest"]);
        Assert.Equal("", (string?)host["extensions"]!["http"]!["routePrefix"]);
        Assert.NotNull(host["extensions"]!["serviceBus"]!["maxConcurrentCalls"]);
        Assert.NotNull(host["functionTimeout"]);
    }

    [Theory]
    [InlineData("CaseEvents", "case-events")]
    [InlineData("AlertDispatch", "alert-dispatch")]
    public void Queue_functions_use_service_bus_with_the_contract_queue(string function, string queue)
    {
        var binding = ReadJson("functions", function, "function.json")["bindings"]![0]!;

        Assert.Equal("serviceBusTrigger", (string?)binding["type"]);
        Assert.Equal("message", (string?)binding["name"]);
        Assert.Equal(queue, (string?)binding["queueName"]);
        Assert.Equal("ServiceBusConnection", (string?)binding["connection"]);
    }

    [Theory]
    [InlineData(CaseEventsFunction.FunctionName, CaseEventsFunction.Queue)]
    [InlineData(AlertDispatchFunction.FunctionName, AlertDispatchFunction.Queue)]
    public void Queue_handlers_dispatch_for_the_queue_their_function_json_reads(string function, string handlerQueue) =>
        Assert.Equal((string?)ReadJson("functions", function, "function.json")["bindings"]![0]!["queueName"], handlerQueue);

    [Fact]
    public void Daily_sweep_is_a_timer_on_the_schedule_setting()
    {
        var binding = ReadJson("functions", "DailySweep", "function.json")["bindings"]![0]!;

        Assert.Equal("timerTrigger", (string?)binding["type"]);
        Assert.Equal("timer", (string?)binding["name"]);
        Assert.Equal("%Scheduler__Sweep__Schedule%", (string?)binding["schedule"]);
    }

    [Fact]
    public void Http_functions_are_anonymous_with_an_http_output_named_res()
    {
        foreach (var dir in Directory.EnumerateDirectories(RepoPaths.FunctionsDirectory))
        {
            var bindings = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "function.json")))!["bindings"]!.AsArray();
            if ((string?)bindings[0]!["type"] != "httpTrigger")
            {
                continue;
            }

            Assert.Equal("anonymous", (string?)bindings[0]!["authLevel"]);
            Assert.Contains(bindings, b => (string?)b!["type"] == "http" && (string?)b["direction"] == "out" && (string?)b["name"] == "res");
        }
    }

    [Fact]
    public void Sample_settings_and_configuration_doc_list_the_same_scheduler_settings()
    {
        var values = ReadJson("local.settings.sample.json")["Values"]!.AsObject();
        var documented = SettingInTable().Matches(File.ReadAllText(RepoPaths.File("docs", "configuration.md")))
            .Select(m => m.Groups[1].Value)
            .Where(s => s.StartsWith("Scheduler__", StringComparison.Ordinal))
            .ToHashSet();

        var sample = values.Select(v => v.Key).Where(k => k.StartsWith("Scheduler__", StringComparison.Ordinal)).ToHashSet();

        Assert.Equal(documented.Order(StringComparer.Ordinal), sample.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sample_settings_are_safe_local_values()
    {
        var values = ReadJson("local.settings.sample.json")["Values"]!;

        Assert.Equal("StorageQueues", (string?)values["Scheduler__Messaging__Transport"]);
        Assert.Equal("", (string?)values["Scheduler__SendGrid__ApiKey"]);
        Assert.Equal(".local/outbox", (string?)values["Scheduler__Outbox__Directory"]);
        Assert.Equal("0 0 6 * * *", (string?)values["Scheduler__Sweep__Schedule"]);
        Assert.Equal("http://127.0.0.1:7071", (string?)values["Scheduler__PublicBaseUrl"]);
        Assert.Contains("AccountName=devstoreaccount1", (string?)values["Scheduler__Storage__ConnectionString"], StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:10001", (string?)values["Scheduler__Storage__ConnectionString"], StringComparison.Ordinal);
        var demoKeyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("scheduler-local-demo-operator-key")));
        Assert.Equal(demoKeyHash, (string?)values["Scheduler__OperatorKeySha256"]);
    }

    [GeneratedRegex(@"^\| `([A-Za-z0-9_]+)`", RegexOptions.Multiline)]
    private static partial Regex SettingInTable();
}
