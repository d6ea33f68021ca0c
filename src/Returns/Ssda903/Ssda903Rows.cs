using NodaTime;

namespace Scheduler.Returns.Ssda903;

/// <summary>One episode of care, as far as Scheduler uses it (no personal column is kept).</summary>
internal sealed record EpisodeRow(string File, int Line, LocalDate Decom, string Rne, string LegalStatus, string Place, LocalDate? Dec, string? Rec)
{
    /// <summary>The episode ends the period of care: it ceased for a reason other than X1 (a new episode follows).</summary>
    public bool EndsCare => Dec is not null && Rec is not null && Rec != "X1";
}

/// <summary>One looked-after review held.</summary>
internal sealed record ReviewRow(string File, int Line, LocalDate Date);

/// <summary>Everything read from a 903 folder, by child, before the rows are joined into cases.</summary>
internal sealed class Ssda903Data
{
    public Dictionary<string, List<EpisodeRow>> Episodes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<ReviewRow>> Reviews { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Children { get; } = new(StringComparer.Ordinal);

    public List<string> Notes { get; } = [];

    public int RecognisedFiles { get; set; }

    public static void Add<T>(Dictionary<string, List<T>> map, string child, T row)
    {
        if (!map.TryGetValue(child, out var list))
        {
            map[child] = list = [];
        }

        list.Add(row);
    }
}
