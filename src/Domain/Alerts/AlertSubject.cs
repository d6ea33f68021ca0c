namespace Scheduler.Domain.Alerts;

/// <summary>The episode or case a milestone belongs to: authority code and episode id or council case reference.</summary>
public sealed record AlertSubject(SubjectKind Kind, string AuthorityCode, string SubjectId)
{
    /// <summary>An oversight episode of an authority.</summary>
    public static AlertSubject Episode(string authorityCode, string episodeId) => new(SubjectKind.Episode, authorityCode, episodeId);

    /// <summary>A child's case, by council case reference.</summary>
    public static AlertSubject Case(string authorityCode, string caseReference) => new(SubjectKind.Case, authorityCode, caseReference);
}
