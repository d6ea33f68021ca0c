using System.Text.Json.Nodes;
using Scheduler.Contracts;
using Scheduler.Returns;

namespace Scheduler.Application.Imports;

/// <summary>
/// The report of an import into storage: the offline report's parts (collection year, cases with their events in the
/// API's wire shape, the personal columns dropped by name, problems, notes) plus what was written for each child,
/// the conflicts with what Scheduler already holds, and the totals. Carries case references, event ids, dates and
/// codes only; never a value from a dropped column.
/// </summary>
public sealed record StoredImportReport(
    string Authority,
    string Kind,
    string CollectionYear,
    bool DryRun,
    ImportSummary Summary,
    IReadOnlyList<CaseImportReport> Cases,
    IReadOnlyList<string> DroppedColumns,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<ImportConflict> Conflicts,
    IReadOnlyList<string> Notes);

/// <summary>The totals of an import: children read whole from the return, and what happened to them.</summary>
public sealed record ImportSummary(
    int FilesRead,
    int Cases,
    int Created,
    int Updated,
    int Unchanged,
    int Conflicted,
    int Refused,
    int EventsAdded,
    int EventsAlreadyPresent,
    int Conflicts,
    int Problems);

/// <summary>
/// One child's case in the report: its outcome and counts, the ids of the events added (or to be added, in a dry
/// run), the return's events for the child and the case's due dates as stored after the import (as they would be, in
/// a dry run; the stored case's own when nothing was written; none when the child is not stored).
/// </summary>
public sealed record CaseImportReport(
    string CaseRef,
    string Type,
    CaseImportOutcome Outcome,
    int EventsAdded,
    int EventsAlreadyPresent,
    int Conflicts,
    IReadOnlyList<string> Added,
    IReadOnlyList<JsonObject> Events,
    IReadOnlyList<MilestoneJson> Milestones);

/// <summary>
/// The return says something the stored case contradicts: where in the return (file, line, column), which event
/// (null for the case's type) and why. Nothing is overwritten: the child's case is left as it was.
/// </summary>
public sealed record ImportConflict(string CaseRef, string? EventId, string File, int? Line, string? Column, string Reason);
