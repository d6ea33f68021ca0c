using Scheduler.Returns.Cin;
using Scheduler.Returns.Ssda903;

namespace Scheduler.Returns;

/// <summary>
/// Reads a council's statutory returns into child cases: the SSDA903 looked-after children return (a folder of CSV
/// files, each known by its header row) and the children in need census (one XML file). The same importer serves the
/// CLI (files on disk) and the HTTP route (uploaded files); it writes nothing. Each case comes whole, with
/// deterministic event ids, so the caller can store one child per atomic write and a second import changes nothing.
/// </summary>
public static class ReturnImporter
{
    /// <summary>
    /// Imports an SSDA903 return. Throws <see cref="UnsupportedYearException"/> for a collection year without code
    /// lists; everything wrong inside the files is a problem in the result.
    /// </summary>
    public static Task<ImportResult> Import903Async(IEnumerable<ReturnFile> files, ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Import903Async(files.ToAsyncEnumerable(), options, cancellationToken);
    }

    /// <summary>
    /// Imports an SSDA903 return whose files arrive one after another (the parts of an upload, read from the request
    /// as they come): each file is read to its end, or abandoned, before the next is asked for.
    /// </summary>
    public static async Task<ImportResult> Import903Async(IAsyncEnumerable<ReturnFile> files, ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        var year = options.Year ?? CollectionYear.LatestEndedBy(options.Today);
        var codes = Ssda903CodeLists.For(year)
            ?? throw new UnsupportedYearException(year, Ssda903CodeLists.FirstYear, Ssda903CodeLists.LastYear, "SSDA903");

        var problems = new ProblemLog();
        var dropped = new DroppedColumns();
        var data = new Ssda903Data();
        var reader = new Ssda903Reader(codes, options, problems, dropped, data);
        await foreach (var file in files.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await reader.ReadAsync(file, cancellationToken).ConfigureAwait(false);
        }

        var mapper = new Ssda903Mapper(options, problems);
        var cases = new List<ImportedCase>();
        foreach (var child in data.Children.Order(StringComparer.Ordinal))
        {
            var episodes = data.Episodes.GetValueOrDefault(child) ?? [];
            var reviews = data.Reviews.GetValueOrDefault(child) ?? [];
            if (mapper.Map(child, episodes, reviews) is { } imported)
            {
                cases.Add(imported);
            }
        }

        var notes = new List<string>(data.Notes);
        if (data.RecognisedFiles > 0 && data.Episodes.Count == 0)
        {
            notes.Add("No episodes were read: looked-after cases come from the Episodes file.");
        }

        if (mapper.StartedBefore.Count > 0)
        {
            notes.Add($"{mapper.StartedBefore.Count} child(ren) whose period of care began before the return's first episode (RNE other than S): the date they became looked after is not in the return, so their events add to their existing cases and no milestones are computed offline: {string.Join(", ", mapper.StartedBefore)}.");
        }

        notes.AddRange(mapper.Notes);
        return new ImportResult
        {
            Year = year,
            FilesRead = data.RecognisedFiles,
            Cases = cases,
            DroppedColumns = dropped.Names,
            Problems = problems.All,
            Notes = notes,
        };
    }

    /// <summary>
    /// Imports a children in need census. The collection year comes from <see cref="ImportOptions.Year"/>, else the
    /// census header's reference date, else today. Throws <see cref="UnsupportedYearException"/> for a year without code lists.
    /// </summary>
    public static async Task<ImportResult> ImportCinAsync(ReturnFile file, ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Year is { } given && !CinCodeLists.Supports(given))
        {
            throw new UnsupportedYearException(given, CinCodeLists.FirstYear, CinCodeLists.LastYear, "CIN census");
        }

        var problems = new ProblemLog();
        var dropped = new DroppedColumns();
        var reader = new CinCensusReader(options, problems, dropped);
        var mapper = new CinMapper(options, problems);
        var children = new List<CinChild>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        await reader.ReadAsync(
            file,
            child =>
            {
                // A child id twice in one census (validator rule 8510): neither record can be trusted to be the child's.
                if (seen.TryGetValue(child.Id!, out var firstLine))
                {
                    problems.Add(child.Id!, file.Name, child.IdLine, "LAchildID", $"child {child.Id}: a second record for the same child (the first is at line {firstLine}).");
                    return;
                }

                seen[child.Id!] = child.IdLine;
                children.Add(child);
            },
            cancellationToken).ConfigureAwait(false);

        var year = options.Year ?? reader.HeaderYear ?? CollectionYear.LatestEndedBy(options.Today);
        if (!CinCodeLists.Supports(year))
        {
            throw new UnsupportedYearException(year, CinCodeLists.FirstYear, CinCodeLists.LastYear, "CIN census");
        }

        var cases = new List<ImportedCase>();
        foreach (var child in children)
        {
            if (mapper.Map(child, file.Name) is { } imported)
            {
                cases.Add(imported);
            }
        }

        var notes = new List<string>
        {
            $"{file.Name}: assessment start dates are not imported as events (no rule counts from them); the earliest start of an assessment or enquiry marks the referral decision (referral_decision_1wd) met by then. CIN plan dates, assessment factors and pre-proceedings are not imported: no rule uses them.",
        };
        if (mapper.WithoutChildProtection > 0)
        {
            notes.Add($"{mapper.WithoutChildProtection} child(ren) whose current CINdetails has no section 47 enquiry and no child protection plan not imported (children in need only).");
        }

        notes.AddRange(mapper.Notes);
        return new ImportResult
        {
            Year = year,
            FilesRead = reader.IsCensus ? 1 : 0,
            Cases = [.. cases.OrderBy(c => c.CaseReference, StringComparer.Ordinal)],
            DroppedColumns = dropped.Names,
            Problems = problems.All,
            Notes = notes,
        };
    }
}

/// <summary>The collection year has no code lists here; the message names the supported years.</summary>
public sealed class UnsupportedYearException(CollectionYear year, int firstEndYear, int lastEndYear, string returnName)
    : Exception($"No {returnName} code lists for {year.Label}: supported years are {new CollectionYear(firstEndYear).Label} to {new CollectionYear(lastEndYear).Label}.")
{
    /// <summary>The year asked for.</summary>
    public CollectionYear Year { get; } = year;
}
