using CsvHelper;
using NodaTime;

namespace Scheduler.Returns.Ssda903;

/// <summary>
/// Reads SSDA903 CSV files with CsvHelper, one record at a time: recognises each file by its header row, reads only
/// the non-personal columns it uses (personal ones are named in the dropped list and their values never touched) and
/// checks each value: codes against the collection year's lists, dates as dd/mm/yyyy, not after today.
/// </summary>
internal sealed class Ssda903Reader(Ssda903CodeLists codes, ImportOptions options, ProblemLog problems, DroppedColumns dropped, Ssda903Data data)
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = true,
        TrimWhitespace = true,
        TrackLineNumbers = true,
        IncludeValuesInExceptions = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MissingField = CsvMissingFieldHandling.ReturnEmpty,
    };

    public async Task ReadAsync(ReturnFile file, CancellationToken cancellationToken)
    {
        await using var stream = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var csv = CsvReader.Create(stream, Options, leaveOpen: false);
        try
        {
            await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
            var header = csv.Headers;
            if (header.Count == 0)
            {
                problems.Add(file.Name, null, null, "The file is empty: a 903 file starts with its header row.");
                return;
            }

            if (Ssda903Files.Recognise(header) is not { } known)
            {
                problems.Add(file.Name, 1, null, "The header row is not one of the SSDA903 files (Header, Episodes, Reviews, Missing, SW episodes, UASC, OC2, OC3, AD1, placed for adoption, previous permanence, deprivation of liberty); the file was not read.");
                return;
            }

            data.RecognisedFiles++;
            foreach (var column in known.Columns.Where(Ssda903Files.PersonalColumns.Contains))
            {
                dropped.Add(column);
            }

            var columns = new Columns(known.Columns);
            switch (known.Kind)
            {
                case Ssda903FileKind.Episodes:
                    await ReadRowsAsync(csv, file.Name, columns, Episode, cancellationToken).ConfigureAwait(false);
                    break;
                case Ssda903FileKind.Reviews:
                    await ReadRowsAsync(csv, file.Name, columns, Review, cancellationToken).ConfigureAwait(false);
                    break;
                case Ssda903FileKind.Header:
                    data.Notes.Add($"{file.Name} (Header): only CHILD is read; every other column is personal and dropped, and nothing in it is imported.");
                    break;
                case Ssda903FileKind.Missing:
                    data.Notes.Add($"{file.Name} (Missing): not imported; no rule in Scheduler uses episodes of being missing or away from placement.");
                    break;
                case Ssda903FileKind.SocialWorkerEpisodes:
                    data.Notes.Add($"{file.Name} (SW episodes): not imported; no rule in Scheduler uses social worker episodes (assignees are set through the API).");
                    break;
                default:
                    data.Notes.Add($"{file.Name} ({known.Name}): not imported; no rule in Scheduler uses it.");
                    break;
            }
        }
        catch (CsvFormatException ex)
        {
            // Say where, never what: the record may hold personal values.
            problems.Add(file.Name, ex.LineNumber > 0 ? (int)ex.LineNumber : null, null, "The file is not valid CSV from this line on (unbalanced quotes); the rest of the file was not read.");
        }
        catch (System.Text.DecoderFallbackException)
        {
            problems.Add(file.Name, null, null, "The file is not text in a known encoding (UTF-8, or UTF-16 with a byte order mark); it was not read.");
        }
    }

    private static async Task ReadRowsAsync(CsvReader csv, string file, Columns columns, Action<Row> read, CancellationToken cancellationToken)
    {
        while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            read(new Row(csv, file, (int)csv.LineNumber, columns));
        }
    }

    private void Episode(Row row)
    {
        if (Child(row) is not { } child)
        {
            return;
        }

        var bad = false;
        var decom = RequiredDate(row, child, "DECOM", ref bad);
        var rne = RequiredCode(row, child, "RNE", ref bad);
        var ls = RequiredCode(row, child, "LS", ref bad);
        OptionalCode(row, child, "CIN", ref bad);
        var place = RequiredCode(row, child, "PLACE", ref bad);
        OptionalCode(row, child, "PLACE_PROVIDER", ref bad);
        var dec = OptionalDate(row, child, "DEC", ref bad);
        var rec = dec is null ? OptionalCode(row, child, "REC", ref bad) : RequiredCode(row, child, "REC", ref bad);
        OptionalCode(row, child, "REASON_PLACE_CHANGE", ref bad);
        if (dec is { } end && decom is { } start && end < start)
        {
            Problem(child, row, "DEC", $"the episode ceased ({ReturnDates.Iso(end)}) before it started ({ReturnDates.Iso(start)})", ref bad);
        }

        if (!bad)
        {
            Ssda903Data.Add(data.Episodes, child, new EpisodeRow(row.File, row.Line, decom!.Value, rne!, ls!, place!, dec, rec));
        }
    }

    private void Review(Row row)
    {
        if (Child(row) is not { } child)
        {
            return;
        }

        var bad = false;
        var date = RequiredDate(row, child, "REVIEW", ref bad);
        RequiredCode(row, child, "REVIEW_CODE", ref bad);
        if (!bad)
        {
            Ssda903Data.Add(data.Reviews, child, new ReviewRow(row.File, row.Line, date!.Value));
        }
    }

    private string? Child(Row row)
    {
        var child = row["CHILD"];
        if (!ChildIds.IsValid(child))
        {
            problems.Add(row.File, row.Line, "CHILD", child is null ? "CHILD is required; the row was not read." : $"CHILD must be {ChildIds.Shape}; the row was not read.");
            return null;
        }

        data.Children.Add(child!);
        return child;
    }

    private LocalDate? RequiredDate(Row row, string child, string column, ref bool bad)
    {
        if (row[column] is null)
        {
            Problem(child, row, column, "is required", ref bad);
            return null;
        }

        return OptionalDate(row, child, column, ref bad);
    }

    private LocalDate? OptionalDate(Row row, string child, string column, ref bool bad)
    {
        if (row[column] is not { } text)
        {
            return null;
        }

        if (ReturnDates.Parse903(text, out var reason) is not { } date)
        {
            Problem(child, row, column, reason!, ref bad);
            return null;
        }

        if (ReturnDates.Unusable(date, options.Today, options.Calendar) is { } unusable)
        {
            Problem(child, row, column, unusable, ref bad);
            return null;
        }

        return date;
    }

    private string? RequiredCode(Row row, string child, string column, ref bool bad)
    {
        if (row[column] is null)
        {
            Problem(child, row, column, "is required", ref bad);
            return null;
        }

        return OptionalCode(row, child, column, ref bad);
    }

    private string? OptionalCode(Row row, string child, string column, ref bool bad)
    {
        if (row[column] is not { } code)
        {
            return null;
        }

        if (!codes.Allows(column, code))
        {
            Problem(child, row, column, $"{Codes.Quote(code)} is not in the {codes.Year.Label} list of {column} codes", ref bad);
            return null;
        }

        return code;
    }

    private void Problem(string child, Row row, string column, string reason, ref bool bad)
    {
        bad = true;
        problems.Add(child, row.File, row.Line, column, $"child {child}: {column} {reason}.");
    }

    /// <summary>Column positions by name, from the header row.</summary>
    private sealed class Columns(IReadOnlyList<string> names)
    {
        private readonly Dictionary<string, int> _index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);

        public int this[string name] => _index[name];
    }

    /// <summary>One record; only the named non-personal columns are ever read from it.</summary>
    private readonly struct Row(CsvReader reader, string file, int line, Columns columns)
    {
        public string File => file;

        public int Line => line;

        /// <summary>The trimmed value, or null when empty or missing.</summary>
        public string? this[string column]
        {
            get
            {
                var i = columns[column];
                return reader.IsEmpty(i) ? null : reader.GetString(i).Trim() is { Length: > 0 } value ? value : null;
            }
        }
    }
}
