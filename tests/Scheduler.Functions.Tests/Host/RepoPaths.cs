namespace Scheduler.Functions.Tests.Host;

/// <summary>Locates files of this repository (host.json, functions/) from the test output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string FunctionsDirectory => Path.Combine(Root, "functions");

    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "host.json")) && Directory.Exists(Path.Combine(dir.FullName, "functions")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (host.json + functions/) above " + AppContext.BaseDirectory);
    }
}
