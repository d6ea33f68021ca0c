using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Scheduler.Infra.Tests.Package;

/// <summary>The deployment package has the Functions layout, and its handler starts and answers the host's invocations.</summary>
public sealed class PackageTests(ITestOutputHelper output)
{
    // A timer invocation as the Functions host sends it to a custom handler (custom handler docs, "Request payload").
    private const string TimerInvocation = """
        {
          "Data": {
            "timer": {
              "Schedule": { "AdjustForDST": true },
              "ScheduleStatus": {
                "Last": "2026-11-21T06:00:00.0000000+00:00",
                "Next": "2026-11-22T06:00:00+00:00",
                "LastUpdated": "2026-11-21T06:00:00.0000000+00:00"
              },
              "IsPastDue": false
            }
          },
          "Metadata": {
            "sys": {
              "MethodName": "DailySweep",
              "UtcNow": "2026-11-22T06:00:00.0123456Z",
              "RandGuid": "3d4f1a52-8a8e-4c1b-9a77-2f0c6b0e9d11"
            }
          }
        }
        """;

    [PackageFact]
    public void TheZipHasHostJsonAndEveryFunctionFolderAtItsRoot()
    {
        using var zip = ZipFile.OpenRead(PackageBuild.Instance.ZipPath);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("host.json", entries);
        var repoFunctions = Directory.GetDirectories(RepoRoot.Combine("functions")).Select(Path.GetFileName).ToList();
        Assert.Equal(Contract.Functions.Order(), repoFunctions.Order());
        foreach (var name in repoFunctions)
        {
            Assert.Contains($"{name}/function.json", entries);
            var packaged = new StreamReader(zip.GetEntry($"{name}/function.json")!.Open()).ReadToEnd();
            Assert.Equal(File.ReadAllText(RepoRoot.Combine("functions", name!, "function.json")), packaged);
        }

        Assert.DoesNotContain(entries, e => e.StartsWith("functions/", StringComparison.Ordinal));
    }

    [PackageFact]
    public void HostJsonPointsAtAnExecutableHandlerAtTheRoot()
    {
        var build = PackageBuild.Instance;
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(build.Extracted, "host.json")))!;
        var executable = (string)hostJson["customHandler"]!["description"]!["defaultExecutablePath"]!;
        Assert.Equal("Scheduler.Functions", executable);
        Assert.True((bool)hostJson["customHandler"]!["enableForwardingHttpRequest"]!);

        using var zip = ZipFile.OpenRead(build.ZipPath);
        var entry = zip.GetEntry(executable);
        Assert.NotNull(entry);
        var mode = (UnixFileMode)((entry.ExternalAttributes >> 16) & 0x1FF);
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"zip entry mode {mode} lacks the executable bit");

        var extracted = Path.Combine(build.Extracted, executable);
        Assert.True(File.Exists(extracted));
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(extracted).HasFlag(UnixFileMode.UserExecute), "the executable bit was lost on extraction");
        }

        // Self-contained: the runtime ships inside the package (Flex Consumption's custom runtime has no .NET).
        Assert.True(File.Exists(Path.Combine(build.Extracted, "libcoreclr.so")));
        Assert.True(File.Exists(Path.Combine(build.Extracted, "Scheduler.Functions.dll")));
    }

    [PackageFact]
    public async Task TheHandlerStartsFromThePackageAndAnswersTheHostOnItsPort()
    {
        var build = PackageBuild.Instance;
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var azurite = await Azurite.StartAsync(cts.Token);
        var port = ChildProcess.FreePort();
        var outbox = Directory.CreateTempSubdirectory("outbox-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = $"{port}",
            ["Scheduler__Storage__ConnectionString"] = azurite.ConnectionString,
            ["Scheduler__Messaging__Transport"] = "StorageQueues",
            // The Functions host fires the triggers; the handler's own trigger loop stays off, as in Azure.
            ["Scheduler__LocalTriggers__Enabled"] = "false",
            ["Scheduler__SendGrid__ApiKey"] = string.Empty,
            ["Scheduler__SendGrid__FromAddress"] = "scheduler@localhost.invalid",
            ["Scheduler__Outbox__Directory"] = outbox,
            ["Scheduler__Sweep__Schedule"] = "0 0 6 * * *",
            ["Scheduler__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Scheduler__OperatorKeySha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("package-test-operator-key"))),
            ["Scheduler__Retention__Years"] = "6",
        };
        if (!SourceMentions("FUNCTIONS_CUSTOMHANDLER_PORT"))
        {
            // The handler skeleton does not read the port yet; Kestrel's own setting stands in until it does.
            // Once src/Functions reads FUNCTIONS_CUSTOMHANDLER_PORT this fallback switches itself off.
            environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            output.WriteLine("src/Functions does not read FUNCTIONS_CUSTOMHANDLER_PORT yet: ASPNETCORE_URLS set as a stand-in");
        }

        var started = Stopwatch.StartNew();
        using var handler = ChildProcess.Start(
            Path.Combine(build.Extracted, "Scheduler.Functions"), [], build.Extracted, environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            await handler.WaitForPortAsync(port, TimeSpan.FromSeconds(30), cts.Token);
            using var first = await http.GetAsync("/health", cts.Token);
            output.WriteLine($"first answer after {started.ElapsedMilliseconds} ms: GET /health -> {(int)first.StatusCode}");

            using var body = new StringContent(TimerInvocation, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/DailySweep", body, cts.Token);
            var text = await response.Content.ReadAsStringAsync(cts.Token);
            output.WriteLine($"POST /DailySweep -> {(int)response.StatusCode} {text}");
            if (response.StatusCode == HttpStatusCode.NotFound && !SourceMentions("DailySweep"))
            {
                output.WriteLine("src/Functions has no DailySweep handler yet: only start-up and the port were checked");
                return;
            }

            Assert.True(response.IsSuccessStatusCode, $"POST /DailySweep -> {(int)response.StatusCode} {text}\n{handler.Output}");
            var json = JsonNode.Parse(text)!.AsObject();
            Assert.True(json.ContainsKey("Outputs"), text);
            Assert.True(json.ContainsKey("Logs"), text);
            Assert.True(json.ContainsKey("ReturnValue"), text);
            Assert.True(json["Logs"] is null or JsonArray, text);
            Assert.True(json["Outputs"] is null or JsonObject, text);
        }
        finally
        {
            output.WriteLine(handler.Output);
            Directory.Delete(outbox, recursive: true);
        }
    }

    private static bool SourceMentions(string text) =>
        Directory.GetFiles(RepoRoot.Combine("src", "Functions"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Any(f => File.ReadAllText(f).Contains(text, StringComparison.Ordinal));
}
