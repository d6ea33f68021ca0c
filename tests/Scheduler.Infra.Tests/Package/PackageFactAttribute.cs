namespace Scheduler.Infra.Tests.Package;

/// <summary>A fact that builds the deployment package; skipped when SCHEDULER_SKIP_PACKAGE_TEST=1.</summary>
public sealed class PackageFactAttribute : FactAttribute
{
    /// <summary>Sets Skip from the environment.</summary>
    public PackageFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SCHEDULER_SKIP_PACKAGE_TEST") == "1")
        {
            Skip = "SCHEDULER_SKIP_PACKAGE_TEST=1";
        }
    }
}
