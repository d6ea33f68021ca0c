using System.IO.Compression;
using System.Text.Json.Nodes;

namespace Scheduler.Infra.Tests.Package;

/// <summary>
/// The deployment package has the layout the platform deploys for an isolated worker: the publish output of
/// src/Functions at the zip root, whose functions.metadata names every function the code declares.
/// </summary>
public sealed class PackageTests
{
    [PackageFact]
    public void The_files_the_functions_host_reads_are_at_the_zip_root()
    {
        using var zip = ZipFile.OpenRead(PackageBuild.Instance.ZipPath);
        var entries = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        foreach (var file in new[] { "host.json", "functions.metadata", "extensions.json", "worker.config.json", "Scheduler.Functions.dll", "Scheduler.Functions.deps.json", "Scheduler.Functions.runtimeconfig.json" })
        {
            Assert.Contains(file, entries);
        }

        Assert.Contains(entries, e => e.StartsWith(".azurefunctions/", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal));

        // Nothing is nested one folder down (a zip of the folder instead of its contents), and the custom handler is gone.
        Assert.DoesNotContain(entries, e => e.EndsWith("/host.json", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.EndsWith("function.json", StringComparison.Ordinal));
    }

    [PackageFact]
    public void Host_json_is_the_repositorys()
    {
        Assert.Equal(
            File.ReadAllBytes(RepoRoot.Combine("host.json")),
            File.ReadAllBytes(Path.Combine(PackageBuild.Instance.Extracted, "host.json")));
    }

    [PackageFact]
    public void Worker_config_names_the_packaged_worker_assembly()
    {
        var root = PackageBuild.Instance.Extracted;
        var description = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "worker.config.json")))!["description"]!;
        Assert.Equal("dotnet-isolated", description["language"]!.GetValue<string>());
        Assert.Equal("dotnet", description["defaultExecutablePath"]!.GetValue<string>());
        var worker = description["defaultWorkerPath"]!.GetValue<string>();
        Assert.Equal("Scheduler.Functions.dll", worker);
        Assert.True(File.Exists(Path.Combine(root, worker)));

        // The runtime the platform gives the worker (Contract.Runtime) is the one the worker was built for.
        var runtimeConfig = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "Scheduler.Functions.runtimeconfig.json")))!;
        Assert.Equal($"net{Contract.Runtime.Version}", runtimeConfig["runtimeOptions"]!["tfm"]!.GetValue<string>());
    }

    [PackageFact]
    public void Functions_metadata_names_every_function_the_packaged_code_declares()
    {
        var root = PackageBuild.Instance.Extracted;
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "functions.metadata")))!.AsArray()
            .Select(f => f!["name"]!.GetValue<string>())
            .ToList();
        var declared = PackagedFunctions.Names(root);

        Assert.NotEmpty(declared);
        Assert.Equal(declared.Order(StringComparer.Ordinal), metadata.Order(StringComparer.Ordinal));
        Assert.Equal(Contract.Functions.Order(StringComparer.Ordinal), metadata.Order(StringComparer.Ordinal));
        Assert.All(
            JsonNode.Parse(File.ReadAllText(Path.Combine(root, "functions.metadata")))!.AsArray(),
            f => Assert.Equal("Scheduler.Functions.dll", f!["scriptFile"]!.GetValue<string>()));
    }

    [PackageFact]
    public void The_queue_triggers_read_the_contract_queues_on_the_default_connection()
    {
        var triggers = JsonNode.Parse(File.ReadAllText(Path.Combine(PackageBuild.Instance.Extracted, "functions.metadata")))!.AsArray()
            .SelectMany(f => f!["bindings"]!.AsArray())
            .Where(b => b!["type"]!.GetValue<string>() == "queueTrigger")
            .ToList();
        Assert.Equal(Contract.TriggerQueues.Order(StringComparer.Ordinal), triggers.Select(b => b!["queueName"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        // No connection named: the queue extension uses AzureWebJobsStorage (identity-based in Azure).
        Assert.All(triggers, b => Assert.True(b!["connection"] is null || b["connection"]!.GetValue<string>() == Contract.QueueConnection));
    }
}
