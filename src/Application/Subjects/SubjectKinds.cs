namespace Scheduler.Application.Subjects;

/// <summary>The spellings of <see cref="SubjectKind"/> in keys, JSON and index rows: <c>episode</c> and <c>case</c>.</summary>
public static class SubjectKinds
{
    /// <summary>Both kinds, episodes first.</summary>
    public static IReadOnlyList<SubjectKind> All { get; } = [SubjectKind.Episode, SubjectKind.Case];

    /// <summary>The lower-case name.</summary>
    public static string Name(this SubjectKind kind) => kind == SubjectKind.Episode ? "episode" : "case";

    /// <summary>Parses <c>episode</c> or <c>case</c>; null for anything else.</summary>
    public static SubjectKind? Parse(string? name) => name switch
    {
        "episode" => SubjectKind.Episode,
        "case" => SubjectKind.Case,
        _ => null,
    };
}
