namespace Scheduler.Application.Imports;

/// <summary>The statutory return an import reads: the SSDA903 looked-after children return or the children in need census.</summary>
public enum ReturnKind
{
    /// <summary>The SSDA903: one or more CSV files, each known by its header row.</summary>
    Ssda903,

    /// <summary>The CIN census: one XML file.</summary>
    CinCensus,
}

/// <summary>The spellings of <see cref="ReturnKind"/>: <c>903</c> and <c>cin</c>.</summary>
public static class ReturnKinds
{
    /// <summary>The accepted spellings, for error messages.</summary>
    public const string Accepted = "903 or cin";

    /// <summary>The kind for <c>903</c> / <c>ssda903</c> or <c>cin</c> / <c>census</c> (any case); null for anything else.</summary>
    public static ReturnKind? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "903" or "ssda903" => ReturnKind.Ssda903,
        "cin" or "census" => ReturnKind.CinCensus,
        _ => null,
    };

    /// <summary>The spelling used in reports: <c>903</c> or <c>cin</c>.</summary>
    public static string Name(this ReturnKind kind) => kind == ReturnKind.Ssda903 ? "903" : "cin";
}
