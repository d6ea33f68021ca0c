using System.Text.Json.Nodes;
using NodaTime;
using Scheduler.Contracts;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Children;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;
using Scheduler.Domain.Validation;

namespace Scheduler.Returns.Report;

/// <summary>
/// The import report shared by <c>scheduler import</c> and the import route:
/// <c>{"collection_year","cases":[{"case_ref","type","events":[…],"milestones":[…]}],"dropped_columns":[…],"problems":[{"file","line","column","reason"}],"notes":[…]}</c>.
/// Events are in the API's wire shape <c>{"id","type","date",…fields}</c>; milestones in the shape of <see cref="MilestoneJson"/>.
/// </summary>
public sealed record ImportReport(
    string CollectionYear,
    IReadOnlyList<ImportedCaseJson> Cases,
    IReadOnlyList<string> DroppedColumns,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<string> Notes)
{
    /// <summary>
    /// The report for <paramref name="result"/>, with each case's milestones computed by the rules engine as of
    /// <paramref name="today"/>. A case whose period of care began before the return has no milestones here: they
    /// need the date the child became looked after, which the child's existing case holds.
    /// </summary>
    public static ImportReport Build(ImportResult result, AuthorityParameters parameters, WorkingDayCalendar statutory, WorkingDayCalendar local, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(result);
        var problems = new List<ImportProblem>(result.Problems);
        var cases = new List<ImportedCaseJson>(result.Cases.Count);
        foreach (var c in result.Cases)
        {
            IReadOnlyList<MilestoneJson> milestones = [];
            if (!c.StartsBeforeReturn)
            {
                try
                {
                    milestones = [.. ChildCaseCalendar.Compute(c.ToFacts(statutory, today), parameters, statutory, local, today).Select(MilestoneJson.From)];
                }
                catch (DomainValidationException ex)
                {
                    // The importer already applied these events to a new case; this is a safety net, not a path.
                    problems.Add(new ImportProblem(c.Events[0].Source.File, null, null, $"child {c.CaseReference}: milestones could not be computed: {ex.Message}"));
                }
            }

            cases.Add(new ImportedCaseJson(c.CaseReference, CaseTypeNames.Name(c.Type), [.. c.Events.Select(EventJson)], milestones));
        }

        return new ImportReport(result.Year.Label, cases, result.DroppedColumns, problems, result.Notes);
    }

    /// <summary>One event as the API accepts it: <c>{"id","type","date",…}</c>.</summary>
    public static JsonObject EventJson(ImportedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var json = new JsonObject { ["id"] = e.Id, ["type"] = e.Type };
        foreach (var (name, value) in e.Fields)
        {
            json[name] = value;
        }

        return json;
    }

    /// <summary>The report as JSON with the contract options (snake_case, yyyy-MM-dd).</summary>
    public string ToJson(bool indented = false) => ContractJson.Serialize(this, indented);
}

/// <summary>One imported case in the report.</summary>
public sealed record ImportedCaseJson(string CaseRef, string Type, IReadOnlyList<JsonObject> Events, IReadOnlyList<MilestoneJson> Milestones);
