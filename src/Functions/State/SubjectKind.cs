namespace Scheduler.Functions.State;

/// <summary>What a stored subject is: an authority's oversight episode or a child's case.</summary>
public enum StoredSubjectKind
{
    /// <summary>An oversight episode (inspection and what follows).</summary>
    Episode,

    /// <summary>A child's case, known by the council case reference only.</summary>
    Case,
}

/// <summary>The key spellings of <see cref="StoredSubjectKind"/>: <c>episode</c> and <c>case</c>.</summary>
public static class StoredSubjectKinds
{
    /// <summary>The lower-case name used in keys, JSON and index rows.</summary>
    public static string Name(this StoredSubjectKind kind) => kind == StoredSubjectKind.Episode ? "episode" : "case";

    /// <summary>Parses <c>episode</c> or <c>case</c>; null for anything else.</summary>
    public static StoredSubjectKind? Parse(string? name) => name switch
    {
        "episode" => StoredSubjectKind.Episode,
        "case" => StoredSubjectKind.Case,
        _ => null,
    };
}
