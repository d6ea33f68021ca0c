using System.Diagnostics;
using System.Text.Json.Nodes;
using Scheduler.Functions.Meta;
using Scheduler.Functions.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Scheduler.Functions.Tests.OpenApi;

/// <summary>
/// The served OpenAPI document passes <c>@redocly/cli lint</c> (an npm dev dependency, run from the repository's
/// node_modules with the repository's redocly.yaml) with no error; its warnings are printed.
/// </summary>
public sealed class RedoclyLintTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_document_lints_without_errors()
    {
        var root = AzuriteFixture.FindRepoRoot();
        var cli = Path.Combine(root, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(cli), $"@redocly/cli is not installed under {root}/node_modules: run `npm ci` (or scripts/install-deps).");
        var file = Path.Combine(Path.GetTempPath(), $"scheduler-openapi-{Guid.NewGuid():N}.json");
        var document = OpenApiDocument.Build();
        await File.WriteAllTextAsync(file, document.ToJsonString());

        // A readable copy for people reviewing a change (artifacts/ is git-ignored).
        Directory.CreateDirectory(Path.Combine(root, "artifacts"));
        await File.WriteAllTextAsync(Path.Combine(root, "artifacts", "openapi-v1.json"), document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        try
        {
            var info = new ProcessStartInfo("node")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { cli, "lint", file, "--format=json", "--config", Path.Combine(root, "redocly.yaml") })
            {
                info.ArgumentList.Add(arg);
            }

            // No telemetry or update check: the lint runs offline.
            info.Environment["REDOCLY_TELEMETRY"] = "off";
            info.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            info.Environment["CI"] = "true";
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
            {
                await process.WaitForExitAsync(timeout.Token);
            }

            var text = await stdout;
            var start = text.IndexOf('{', StringComparison.Ordinal);
            Assert.True(start >= 0, $"redocly printed no JSON (exit {process.ExitCode}): {text}\n{await stderr}");
            var report = JsonNode.Parse(text[start..])!;
            var problems = report["problems"]!.AsArray().Select(p => p!).ToList();
            foreach (var warning in problems.Where(p => p["severity"]?.GetValue<string>() == "warn"))
            {
                output.WriteLine($"warning {warning["ruleId"]}: {warning["message"]} at {warning["location"]?[0]?["pointer"]}");
            }

            var errors = problems.Where(p => p["severity"]?.GetValue<string>() == "error").ToList();
            Assert.True(
                errors.Count == 0 && report["totals"]!["errors"]!.GetValue<int>() == 0,
                "redocly lint errors:\n" + string.Join('\n', errors.Select(e => $"{e["ruleId"]}: {e["message"]} at {e["location"]?[0]?["pointer"]}")));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
