namespace Scheduler.Returns;

/// <summary>Collects problems, remembering which children have one so that they are left out whole.</summary>
internal sealed class ProblemLog
{
    private readonly List<ImportProblem> _problems = [];
    private readonly HashSet<string> _blocked = new(StringComparer.Ordinal);

    public IReadOnlyList<ImportProblem> All => _problems;

    /// <summary>A problem with no child to pin it on (a file, a row without a valid child id).</summary>
    public void Add(string file, int? line, string? column, string reason) => _problems.Add(new(file, line, column, reason));

    /// <summary>A problem in one child's record: the child will not be imported.</summary>
    public void Add(string child, string file, int? line, string? column, string reason)
    {
        _blocked.Add(child);
        _problems.Add(new(file, line, column, reason));
    }

    public bool IsBlocked(string child) => _blocked.Contains(child);
}
