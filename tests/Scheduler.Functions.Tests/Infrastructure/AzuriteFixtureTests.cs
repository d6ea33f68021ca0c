namespace Scheduler.Functions.Tests.Infrastructure;

/// <summary>The Azurite every test shares runs quiet and never tries to send telemetry to an outside host.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteFixtureTests(AzuriteFixture azurite)
{
    [Fact]
    public void Both_services_run_with_telemetry_off_and_quiet()
    {
        Assert.Equal(2, azurite.Processes.Count);
        foreach (var process in azurite.Processes)
        {
            // The command line the kernel holds for the process: what node was actually started with.
            var args = File.ReadAllText($"/proc/{process.Id}/cmdline").Split('\0');
            Assert.Contains("--disableTelemetry", args);
            Assert.Contains("--silent", args);
            Assert.Contains(args, a => a.EndsWith("main.js", StringComparison.Ordinal));
            Assert.DoesNotContain("ApplicationInsights", process.Output, StringComparison.Ordinal);
        }
    }
}
