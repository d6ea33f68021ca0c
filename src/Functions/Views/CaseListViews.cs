using NodaTime;

namespace Scheduler.Functions.Views;

/// <summary>A case as the case list shows it: its reference, type, assignees and version, no events or due dates.</summary>
public sealed record CaseSummaryView(string CaseRef, string Type, IReadOnlyDictionary<string, string> Assignees, long Version, Instant CreatedAt, Instant UpdatedAt)
{
    /// <summary>Maps a stored case's summary.</summary>
    public static CaseSummaryView From(SubjectSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Id, summary.Variant, summary.Assignees.ToDictionary(p => p.Key.ToString(), p => p.Value), summary.Version, summary.CreatedAt, summary.UpdatedAt);
    }
}

/// <summary>One page of <c>GET …/cases</c>: <c>{"cases":[…],"continuation":"…"|null}</c>; follow the continuation until it is null.</summary>
public sealed record CaseList(IReadOnlyList<CaseSummaryView> Cases, string? Continuation);
