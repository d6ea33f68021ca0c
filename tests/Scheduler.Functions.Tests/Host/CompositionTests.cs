using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Application.Authorities;
using Scheduler.Functions.Meta;

namespace Scheduler.Functions.Tests.Host;

/// <summary>
/// The worker's own composition (as <c>Program</c> builds it, without a Functions host to run it): every function
/// class can be constructed from its services, so nothing a function needs is registered only by the local host.
/// </summary>
public sealed class CompositionTests
{
    [Fact]
    public async Task The_worker_resolves_every_function_classes_constructor()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.ConfigureFunctionsWebApplication();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Clients are built without a request being made: no storage needs to run for this test.
            ["Scheduler:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Scheduler:OperatorKeySha256"] = ApiKeyHasher.Hash("composition-test"),
            ["Scheduler:Outbox:Directory"] = Path.Combine(Path.GetTempPath(), "scheduler-outbox-composition"),
        });
        builder.Services.AddScheduler(builder.Configuration);
        using var host = builder.Build();

        var types = FunctionCatalog.All.Select(f => f.Method.DeclaringType!).Distinct().ToList();
        Assert.NotEmpty(types);
        await using var scope = host.Services.CreateAsyncScope();
        foreach (var type in types.Where(t => !t.IsAbstract))
        {
            var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
            Assert.IsType(type, instance);
        }

        // The app's own start-up services resolve too (the worker's gRPC client needs the host's endpoint, so not all).
        Assert.NotNull(host.Services.GetRequiredService<Scheduler.Infrastructure.Storage.StorageInitializer>());
        Assert.NotNull(ActivatorUtilities.CreateInstance<Scheduler.Functions.Hosting.DemoSeeding>(host.Services));
    }

    [Fact]
    public void Every_function_class_is_a_worker_function_the_catalogue_finds_once()
    {
        var names = FunctionCatalog.All.Select(f => f.Name).ToList();
        Assert.Equal(names.Distinct(StringComparer.Ordinal).Count(), names.Count);
        Assert.All(FunctionCatalog.All, f => Assert.Equal(typeof(FunctionCatalog).Assembly, f.Method.DeclaringType!.Assembly));
    }
}
