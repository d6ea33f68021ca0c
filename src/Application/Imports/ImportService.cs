using System.Diagnostics;
using System.Runtime.CompilerServices;
using NodaTime;
using Scheduler.Contracts;
using Scheduler.Returns;
using Scheduler.Returns.Report;

namespace Scheduler.Application.Imports;

/// <summary>
/// Imports a council's statutory return into storage: reads it with the offline importer (<see cref="ReturnImporter"/>,
/// the same code as <c>scheduler import</c>), then, child by child, creates the case or adds the events it lacks in
/// ONE conditional write per child (<see cref="SubjectWriter"/>), so a child is stored whole or not at all. Events
/// already present (by id, or by kind and date) are skipped; a conflict with the stored case is reported and nothing
/// is overwritten; a child whose events the domain refuses is reported and left unwritten, and the others import. A
/// dry run reads the stored cases and reports the same, writing nothing.
/// </summary>
public sealed partial class ImportService(
    AuthorityService authorities,
    ISubjectStore subjects,
    SubjectWriter writer,
    IClock clock,
    ILogger<ImportService> logger)
{
    /// <summary>Children written at once: each is its own row and its own conditional write, so they do not contend.</summary>
    public const int Parallelism = 8;

    /// <summary>The audit operation of an update made by an import (a case created by one is <c>case.created</c>).</summary>
    public const string Operation = "case.imported";

    /// <summary>
    /// Runs the import for <paramref name="authority"/> (404 when unknown). Throws <see cref="ValidationException"/>
    /// naming <c>file</c> (no file, nothing recognisable, a census of more than one file) or <c>year</c> (no code lists).
    /// </summary>
    public async Task<StoredImportReport> ImportAsync(string authority, ImportRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var context = await authorities.ContextAsync(authority, cancellationToken).ConfigureAwait(false);
        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        var options = new ImportOptions { Today = today, Year = request.Year, Calendar = context.Statutory };
        var result = await ReadAsync(request, options, cancellationToken).ConfigureAwait(false);

        var stored = await StoredCasesAsync(authority, result.Cases, cancellationToken).ConfigureAwait(false);
        var plans = new ChildImportPlan[result.Cases.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, result.Cases.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var imported = result.Cases[i];
                plans[i] = await ImportChildAsync(imported, stored.GetValueOrDefault(imported.CaseReference), authority, context, today, actor, request.DryRun, ct).ConfigureAwait(false);
            }).ConfigureAwait(false);

        var report = Report(authority, request, result, plans);
        var s = report.Summary;
        LogImported(logger, request.Kind.Name(), authority, request.DryRun, s.Cases, s.Created, s.Updated, s.Unchanged, s.Conflicted, s.Refused, s.EventsAdded, s.Problems, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return report;
    }

    private static async Task<ImportResult> ReadAsync(ImportRequest request, ImportOptions options, CancellationToken cancellationToken)
    {
        try
        {
            if (request.Kind == ReturnKind.CinCensus)
            {
                await using var files = request.Files.GetAsyncEnumerator(cancellationToken);
                if (!await files.MoveNextAsync().ConfigureAwait(false))
                {
                    throw NoFile();
                }

                var file = files.Current;
                var census = await ReturnImporter.ImportCinAsync(file, options, cancellationToken).ConfigureAwait(false);
                if (await files.MoveNextAsync().ConfigureAwait(false))
                {
                    throw new ValidationException("file", "a CIN census is one XML file; send it alone");
                }

                return census.FilesRead == 0
                    ? throw new ValidationException("file", $"{file.Name} is not a CIN census (its root element is not Message)")
                    : census;
            }

            var counted = new FileCounter();
            var result = await ReturnImporter.Import903Async(counted.Count(request.Files, cancellationToken), options, cancellationToken).ConfigureAwait(false);
            if (counted.Files == 0)
            {
                throw NoFile();
            }

            return result.FilesRead == 0
                ? throw new ValidationException("file", $"none of the {counted.Files} file(s) is an SSDA903 file (each is known by its header row, for example CHILD,DECOM,RNE,LS,…)")
                : result;
        }
        catch (UnsupportedYearException ex)
        {
            throw new ValidationException("year", $"{ex.Message} Give the collection year the return is for (for example 2024 or 2023/24).");
        }
    }

    private static ValidationException NoFile() => new("file", "is required: the return's files as multipart/form-data parts with a filename");

    /// <summary>
    /// The authority's stored cases that the return names, read in one pass over the authority's partition rather
    /// than one read per child. A snapshot: a child to be written is planned again from a fresh read by the writer.
    /// </summary>
    private async Task<Dictionary<string, SubjectRecord>> StoredCasesAsync(string authority, IReadOnlyList<ImportedCase> cases, CancellationToken cancellationToken)
    {
        var wanted = cases.Select(c => c.CaseReference).ToHashSet(StringComparer.Ordinal);
        var stored = new Dictionary<string, SubjectRecord>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return stored;
        }

        await foreach (var subject in subjects.ListAsync(SubjectKind.Case, authority, cancellationToken).ConfigureAwait(false))
        {
            if (wanted.Contains(subject.Id))
            {
                stored[subject.Id] = subject;
            }
        }

        return stored;
    }

    private async Task<ChildImportPlan> ImportChildAsync(ImportedCase imported, SubjectRecord? current, string authority, AuthorityContext context, LocalDate today, string actor, bool dryRun, CancellationToken cancellationToken)
    {
        var plan = ChildImportPlanner.Plan(imported, current, authority, context, today, clock.GetCurrentInstant(), actor);
        if (dryRun || plan.Next is null)
        {
            return plan;
        }

        try
        {
            if (current is null)
            {
                try
                {
                    await writer.CreateAsync(plan.Next, actor, cancellationToken).ConfigureAwait(false);
                    return plan;
                }
                catch (ConflictException)
                {
                    // Created by another writer since it was read: plan again against that case, below.
                }
            }

            // The plan is made again from the row the writer reads, so a retry after a concurrent write sees the other
            // change; a row unchanged since the partition was read keeps the plan already made.
            var latest = plan;
            await writer.UpdateAsync(
                SubjectKind.Case,
                authority,
                imported.CaseReference,
                row =>
                {
                    latest = current is not null && row.ETag is not null && row.ETag == current.ETag
                        ? plan
                        : ChildImportPlanner.Plan(imported, row, authority, context, today, clock.GetCurrentInstant(), actor);
                    return latest.Next;
                },
                actor,
                Operation,
                null,
                cancellationToken).ConfigureAwait(false);
            return latest;
        }
        catch (Exception ex) when (ex is ContentionException or NotFoundException)
        {
            LogNotWritten(logger, authority, imported.CaseReference, ex.GetType().Name);
            return ChildImportPlanner.NotWritten(plan, ex is ContentionException ? "it kept changing under concurrent writes" : "it was deleted meanwhile");
        }
    }

    private static StoredImportReport Report(string authority, ImportRequest request, ImportResult result, ChildImportPlan[] plans)
    {
        var problems = new List<ImportProblem>(result.Problems);
        problems.AddRange(plans.Where(p => p.Problem is not null).Select(p => p.Problem!));
        var conflicts = plans.SelectMany(p => p.Conflicts).ToList();
        var notes = new List<string>(result.Notes);
        var withoutStart = plans.Where(p => p.Outcome == CaseImportOutcome.Created && p.Imported.StartsBeforeReturn).Select(p => p.Imported.CaseReference).ToList();
        if (withoutStart.Count > 0)
        {
            notes.Add($"{withoutStart.Count} looked-after case(s) {(request.DryRun ? "would be" : "were")} created without the date the child became looked after (their period of care began before this return and Scheduler had no case for them): {string.Join(", ", withoutStart)}. Their placements and reviews are recorded; the due dates that count from becoming looked after are not worked out until became_looked_after is recorded through the API or the earlier return is imported.");
        }

        var cases = plans.Select(p => new CaseImportReport(
            p.Imported.CaseReference,
            CaseTypes.Name(p.Imported.Type),
            p.Outcome,
            p.Added.Count,
            p.Present.Count,
            p.Conflicts.Count,
            [.. p.Added.Select(e => e.Id)],
            [.. p.Imported.Events.Select(ImportReport.EventJson)],
            [.. p.Milestones.Select(MilestoneJson.From)])).ToList();
        var summary = new ImportSummary(
            result.FilesRead,
            plans.Length,
            plans.Count(p => p.Outcome == CaseImportOutcome.Created),
            plans.Count(p => p.Outcome == CaseImportOutcome.Updated),
            plans.Count(p => p.Outcome == CaseImportOutcome.Unchanged),
            plans.Count(p => p.Outcome == CaseImportOutcome.Conflict),
            plans.Count(p => p.Outcome == CaseImportOutcome.Refused),
            plans.Sum(p => p.Added.Count),
            plans.Sum(p => p.Present.Count),
            conflicts.Count,
            problems.Count);
        return new StoredImportReport(authority, request.Kind.Name(), result.Year.Label, request.DryRun, summary, cases, result.DroppedColumns, problems, conflicts, notes);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import of a {Kind} return for {Authority} (dry run: {DryRun}): {Cases} cases, {Created} created, {Updated} updated, {Unchanged} unchanged, {Conflicted} with conflicts, {Refused} refused, {EventsAdded} events added, {Problems} problems, {ElapsedMs} ms")]
    private static partial void LogImported(ILogger logger, string kind, string authority, bool dryRun, int cases, int created, int updated, int unchanged, int conflicted, int refused, int eventsAdded, int problems, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import for {Authority}: case {CaseRef} not written ({Reason})")]
    private static partial void LogNotWritten(ILogger logger, string authority, string caseRef, string reason);

    /// <summary>Counts the files as the importer takes them, so an upload with none can be told from one with nothing recognisable.</summary>
    private sealed class FileCounter
    {
        public int Files { get; private set; }

        public async IAsyncEnumerable<ReturnFile> Count(IAsyncEnumerable<ReturnFile> files, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var file in files.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                Files++;
                yield return file;
            }
        }
    }
}
