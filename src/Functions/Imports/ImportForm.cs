namespace Scheduler.Functions.Imports;

/// <summary>The parts of an import's <c>multipart/form-data</c> body, as the OpenAPI document lists them.</summary>
/// <param name="Kind">903 or cin (a part before the files, or the query parameter).</param>
/// <param name="Year">The collection year, as 2026 or 2025/26.</param>
/// <param name="DryRun">true: write nothing.</param>
/// <param name="File">The return's files, one part each (the SSDA903 CSVs, or the one CIN census XML).</param>
public sealed record ImportForm(string? Kind, string? Year, bool? DryRun, IReadOnlyList<byte[]> File);
