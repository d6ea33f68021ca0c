namespace Scheduler.Functions.Imports;

/// <summary>
/// Limits of the import route. Not bound to configuration: the request limit is the Functions host's own (100 MB),
/// so there is nothing to tune in Azure; tests lower it with <c>services.Configure&lt;ImportLimits&gt;</c>.
/// </summary>
public sealed class ImportLimits
{
    /// <summary>The largest request accepted, in bytes (files, fields and multipart framing together): 100 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The most files one request may carry (an SSDA903 return has about a dozen).</summary>
    public int MaxFiles { get; set; } = 50;
}
