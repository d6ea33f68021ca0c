namespace Scheduler.Returns;

/// <summary>The names of personal columns met and dropped unread, each once, in the order met.</summary>
internal sealed class DroppedColumns
{
    private readonly List<string> _names = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Names => _names;

    public void Add(string name)
    {
        if (_seen.Add(name))
        {
            _names.Add(name);
        }
    }
}
