using System.Collections.Frozen;
using System.Globalization;
using System.Xml;

namespace Scheduler.Returns.Cin;

/// <summary>
/// Streams a CIN census XML (<c>Message/Children/Child</c>) with <see cref="XmlReader"/>: one child at a time, never the
/// whole document in memory. Personal elements (everything in ChildIdentifiers but LAchildID, all of
/// ChildCharacteristics, and the census's personal items wherever they appear) are skipped unread and only their names
/// kept; elements Scheduler does not use are skipped unread too.
/// </summary>
internal sealed class CinCensusReader(ImportOptions options, ProblemLog problems, DroppedColumns dropped)
{
    private static readonly FrozenSet<string> PersonalElements = new[]
    {
        "PersonBirthDate", "ExpectedPersonBirthDate", "UPN", "FormerUPN", "GenderCurrent", "Sex", "Ethnicity", "Disabilities",
        "Disability", "PersonDeathDate", "UPNunknown",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, FrozenSet<string>> Containers = new Dictionary<string, string[]>
    {
        ["Message"] = ["Header", "Children"],
        ["Header"] = ["CollectionDetails"],
        ["Children"] = ["Child"],
        ["Child"] = ["ChildIdentifiers", "ChildCharacteristics", "CINdetails"],
        ["CINdetails"] = ["Assessments", "Section47", "ChildProtectionPlans"],
        ["ChildProtectionPlans"] = ["Reviews"],
    }.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, FrozenSet<string>> Leaves = new Dictionary<string, string[]>
    {
        ["CollectionDetails"] = ["Year", "ReferenceDate"],
        ["ChildIdentifiers"] = ["LAchildID"],
        ["CINdetails"] = ["CINreferralDate", "CINclosureDate", "ReferralSource", "PrimaryNeedCode", "ReasonForClosure", "ReferralNFA"],
        ["Assessments"] = ["AssessmentActualStartDate", "AssessmentAuthorisationDate"],
        ["Section47"] = ["S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired"],
        ["ChildProtectionPlans"] = ["CPPstartDate", "CPPendDate", "InitialCategoryOfAbuse", "LatestCategoryOfAbuse"],
        ["Reviews"] = ["CPPreviewDate"],
    }.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    private static readonly XmlReaderSettings Settings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
    };

    private string _file = string.Empty;
    private CinChild? _child;
    private CinEpisode? _episode;
    private CinAssessment? _assessment;
    private CinSection47? _enquiry;
    private CinPlan? _plan;

    /// <summary>The collection year the census header names (its ReferenceDate, else its Year), if any.</summary>
    public CollectionYear? HeaderYear { get; private set; }

    /// <summary>Whether the root element was Message (otherwise the file is not a CIN census).</summary>
    public bool IsCensus { get; private set; }

    /// <summary>Reads the file, handing each complete child to <paramref name="onChild"/>.</summary>
    public async Task ReadAsync(ReturnFile file, Action<CinChild> onChild, CancellationToken cancellationToken)
    {
        _file = file.Name;
        await using var stream = await file.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var reader = XmlReader.Create(stream, Settings);
        var info = (IXmlLineInfo)reader;
        var stack = new List<string>();
        try
        {
            var advanced = false;
            while (advanced || await reader.ReadAsync().ConfigureAwait(false))
            {
                advanced = false;
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    Close(stack[^1], onChild);
                    stack.RemoveAt(stack.Count - 1);
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var name = reader.LocalName;
                var line = info.LineNumber;
                if (stack.Count == 0)
                {
                    if (name != "Message")
                    {
                        problems.Add(_file, line, name, "The root element is not Message: this is not a CIN census file; nothing was read.");
                        return;
                    }

                    IsCensus = true;
                }

                var parent = stack.Count == 0 ? null : stack[^1];
                if (PersonalElements.Contains(name) || (parent == "ChildIdentifiers" && name != "LAchildID") || parent == "ChildCharacteristics")
                {
                    dropped.Add(name);
                    await reader.SkipAsync().ConfigureAwait(false);
                    advanced = true;
                    continue;
                }

                if (parent is not null && Leaves.TryGetValue(parent, out var leaves) && leaves.Contains(name))
                {
                    var text = (await reader.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim();
                    advanced = true;
                    Leaf(parent, name, text, line);
                    continue;
                }

                if (parent is null || (Containers.TryGetValue(parent, out var children) && children.Contains(name)))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Open(name, line);
                    if (reader.IsEmptyElement)
                    {
                        Close(name, onChild);
                    }
                    else
                    {
                        stack.Add(name);
                    }

                    continue;
                }

                // Not used by any rule (CIN plan dates, pre-proceedings, assessment factors…): skipped unread.
                await reader.SkipAsync().ConfigureAwait(false);
                advanced = true;
            }
        }
        catch (XmlException ex)
        {
            // The exception's message can quote text from the file: say where, never what.
            problems.Add(_file, ex.LineNumber == 0 ? null : ex.LineNumber, null, "The file is not well-formed XML from this line on; children from here on were not read.");
        }
    }

    private void Open(string name, int line)
    {
        switch (name)
        {
            case "Child":
                _child = new CinChild(line);
                break;
            case "CINdetails" when _child is not null:
                _episode = new CinEpisode(line);
                _child.Episodes.Add(_episode);
                break;
            case "Assessments" when _episode is not null:
                _assessment = new CinAssessment();
                _episode.Assessments.Add(_assessment);
                break;
            case "Section47" when _episode is not null:
                _enquiry = new CinSection47(line);
                _episode.Enquiries.Add(_enquiry);
                break;
            case "ChildProtectionPlans" when _episode is not null:
                _plan = new CinPlan(line);
                _episode.Plans.Add(_plan);
                break;
        }
    }

    private void Close(string name, Action<CinChild> onChild)
    {
        switch (name)
        {
            case "CINdetails" when _episode is not null:
                if (!_episode.ReferralPresent)
                {
                    ChildProblem(_episode.Line, "CINreferralDate", "is required for every CINdetails");
                }

                _episode = null;
                break;
            case "Section47" when _enquiry is not null:
                if (!_enquiry.StartedPresent)
                {
                    ChildProblem(_enquiry.Line, "S47ActualStartDate", "is required for every Section47");
                }

                if (_enquiry.IcpcNotRequired && _enquiry.Icpc is not null)
                {
                    ChildProblem(_enquiry.IcpcNotRequiredLine, "ICPCnotRequired", "is true, but the enquiry also records an initial conference (DateOfInitialCPC)");
                }

                _enquiry = null;
                break;
            case "ChildProtectionPlans" when _plan is not null:
                if (!_plan.StartPresent)
                {
                    ChildProblem(_plan.Line, "CPPstartDate", "is required for every ChildProtectionPlans");
                }

                _plan = null;
                break;
            case "Assessments":
                _assessment = null;
                break;
            case "Child" when _child is not null:
                Finish(_child, onChild);
                _child = null;
                break;
        }
    }

    private void Finish(CinChild child, Action<CinChild> onChild)
    {
        if (!ChildIds.IsValid(child.Id))
        {
            problems.Add(_file, child.Id is null ? child.Line : child.IdLine, "LAchildID", child.Id is null
                ? "LAchildID is required; the child was not read."
                : $"LAchildID must be {ChildIds.Shape}; the child was not read.");
            return;
        }

        foreach (var (line, column, reason) in child.Problems)
        {
            problems.Add(child.Id!, _file, line, column, $"child {child.Id}: {column} {reason}.");
        }

        onChild(child);
    }

    private void Leaf(string parent, string name, string text, int line)
    {
        if (parent == "CollectionDetails")
        {
            Header(name, text);
            return;
        }

        if (_child is null)
        {
            return;
        }

        if (name == "LAchildID")
        {
            _child.Id = text.Length == 0 ? null : text;
            _child.IdLine = line;
            return;
        }

        if (text.Length == 0)
        {
            return;
        }

        switch (name)
        {
            case "CINreferralDate" when _episode is not null:
                _episode.ReferralPresent = true;
                break;
            case "S47ActualStartDate" when _enquiry is not null:
                _enquiry.StartedPresent = true;
                break;
            case "CPPstartDate" when _plan is not null:
                _plan.StartPresent = true;
                break;
        }

        if (CinCodeLists.IsCoded(name))
        {
            Code(name, text, line);
            return;
        }

        if (Date(name, text, line) is not { } date)
        {
            return;
        }

        switch (parent, name)
        {
            case ("CINdetails", "CINreferralDate"):
                _episode!.Referral = date;
                break;
            case ("CINdetails", "CINclosureDate"):
                _episode!.Closure = date;
                break;
            case ("Assessments", "AssessmentActualStartDate"):
                _assessment!.Started = date;
                break;
            case ("Assessments", "AssessmentAuthorisationDate"):
                _assessment!.Authorised = date;
                break;
            case ("Section47", "S47ActualStartDate"):
                _enquiry!.Started = date;
                break;
            case ("Section47", "DateOfInitialCPC"):
                _enquiry!.Icpc = date;
                break;
            case ("ChildProtectionPlans", "CPPstartDate"):
                _plan!.Start = date;
                break;
            case ("ChildProtectionPlans", "CPPendDate"):
                _plan!.End = date;
                break;
            case ("Reviews", "CPPreviewDate"):
                _plan!.Reviews.Add(date);
                break;
        }
    }

    private void Code(string name, string text, int line)
    {
        if (!CinCodeLists.Allows(name, text))
        {
            ChildProblem(line, name, $"{Codes.Quote(text)} is not in the census code set for {name}");
            return;
        }

        if (name == "ICPCnotRequired" && _enquiry is not null)
        {
            _enquiry.IcpcNotRequired = text is "true" or "1";
            _enquiry.IcpcNotRequiredLine = line;
        }
    }

    private DateAt? Date(string name, string text, int line)
    {
        if (ReturnDates.ParseCin(text, out var reason) is not { } date)
        {
            ChildProblem(line, name, reason!);
            return null;
        }

        if (ReturnDates.Unusable(date, options.Today, options.Calendar) is { } unusable)
        {
            ChildProblem(line, name, unusable);
            return null;
        }

        return new DateAt(date, line, name);
    }

    private void Header(string name, string text)
    {
        if (name == "ReferenceDate" && ReturnDates.ParseCin(text, out _) is { } reference)
        {
            HeaderYear = CollectionYear.Containing(reference);
        }
        else if (name == "Year" && HeaderYear is null && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            HeaderYear = new CollectionYear(year);
        }
    }

    private void ChildProblem(int line, string column, string reason) => _child?.Problems.Add((line, column, reason));
}
