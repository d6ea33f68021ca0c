namespace Scheduler.Returns;

/// <summary>
/// What an import read: each child's case, the personal columns dropped unread (names only), the problems (file,
/// line, column, reason) and notes on what the return holds that Scheduler does not use.
/// </summary>
public sealed record ImportResult
{
    /// <summary>The collection year whose code lists were applied.</summary>
    public required CollectionYear Year { get; init; }

    /// <summary>How many files were recognised and read (a 903 file by its header row, a census by its root element).</summary>
    public required int FilesRead { get; init; }

    /// <summary>Cases by case reference; a child with any problem is left out whole.</summary>
    public required IReadOnlyList<ImportedCase> Cases { get; init; }

    /// <summary>Names of personal columns or elements present in the return and dropped on read, in the order met.</summary>
    public required IReadOnlyList<string> DroppedColumns { get; init; }

    public required IReadOnlyList<ImportProblem> Problems { get; init; }

    /// <summary>What was read but not imported, and why (no personal values).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
