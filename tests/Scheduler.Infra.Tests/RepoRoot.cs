namespace Scheduler.Infra.Tests;

/// <summary>Locates the repository root (the folder holding Scheduler.sln) from the test binaries.</summary>
public static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>Absolute path of the repository root.</summary>
    public static string Path => Root.Value;

    /// <summary>Absolute path of a file or folder given relative to the repository root.</summary>
    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Scheduler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Scheduler.sln above {AppContext.BaseDirectory}");
    }
}
