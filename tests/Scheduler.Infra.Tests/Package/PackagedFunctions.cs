using System.Reflection;
using System.Runtime.Loader;

namespace Scheduler.Infra.Tests.Package;

/// <summary>
/// The function names the packaged Scheduler.Functions.dll declares, read by its own <c>FunctionCatalog</c>: the
/// assembly is loaded from the extracted package (its dependencies resolved from the package's deps.json) into a
/// collectible context, so the test checks the code that ships, not a separate build.
/// </summary>
public static class PackagedFunctions
{
    /// <summary>Every function name of <c>Scheduler.Functions.Meta.FunctionCatalog.All</c> in the package at <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> Names(string root)
    {
        var context = new PackageLoadContext(Path.Combine(root, "Scheduler.Functions.dll"));
        try
        {
            var assembly = context.LoadFromAssemblyPath(Path.Combine(root, "Scheduler.Functions.dll"));
            var catalog = assembly.GetType("Scheduler.Functions.Meta.FunctionCatalog", throwOnError: true)!;
            var all = (System.Collections.IEnumerable)catalog.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            return [.. all.Cast<object>().Select(f => (string)f.GetType().GetProperty("Name")!.GetValue(f)!)];
        }
        finally
        {
            context.Unload();
        }
    }

    private sealed class PackageLoadContext(string mainAssembly) : AssemblyLoadContext(isCollectible: true)
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
