using NodaTime;
using Scheduler.Domain.Milestones;

namespace Scheduler.Contracts;

/// <summary>The wire shape of one milestone, shared by <c>scheduler calendar</c>/<c>case</c> and the HTTP API.</summary>
/// <remarks>Not sealed: the API's milestone extends it with the fields only an authority's store knows.</remarks>
public record MilestoneJson
{
    public required string Rule { get; init; }

    public required int Sequence { get; init; }

    public required string Title { get; init; }

    /// <summary>The routing-matrix group in snake_case, for example <c>ofsted_post_inspection</c>.</summary>
    public required string Group { get; init; }

    public LocalDate? Earliest { get; init; }

    public required LocalDate Due { get; init; }

    public required LocalDate Effective { get; init; }

    /// <summary>upcoming, due, overdue, met, met_late or not_applicable.</summary>
    public required string Status { get; init; }

    public LocalDate? Met { get; init; }

    /// <summary>Role codes, for example <c>["PO","DCS"]</c>.</summary>
    public required IReadOnlyList<string> Audience { get; init; }

    public required string Source { get; init; }

    public AlternativeJson? Alternative { get; init; }

    /// <summary>True when the nominal due date is not a working day, so alerts work to an earlier effective date.</summary>
    public required bool NominalNonWorkingDay { get; init; }

    /// <summary>The occurrence's stable identity within its episode or case: <c>rule/cycle/sequence[/step]</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The cycle or series (monitoring cycle, placement, arrangement); 1 by default.</summary>
    public int Cycle { get; init; } = 1;

    /// <summary>For rules with several dated steps (the monitoring-visit timeline), which step; otherwise null.</summary>
    public string? Step { get; init; }

    /// <summary>Another body's step that nothing records as done: shown, but never chased by alerts.</summary>
    public bool Informational { get; init; }

    /// <summary>Maps a domain milestone to its wire shape.</summary>
    public static MilestoneJson From(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return new MilestoneJson
        {
            Rule = milestone.Rule,
            Sequence = milestone.Sequence,
            Title = milestone.Title,
            Group = ContractNames.Of(milestone.Group),
            Earliest = milestone.Earliest,
            Due = milestone.Due,
            Effective = milestone.Effective,
            Status = ContractNames.Of(milestone.Status),
            Met = milestone.Met,
            Audience = [.. milestone.Audience.Select(ContractNames.Of)],
            Source = milestone.Source,
            Alternative = milestone.Alternative is { } alt ? new AlternativeJson(alt.Reading, alt.Earliest, alt.Due) : null,

            NominalNonWorkingDay = milestone.MovedToWorkingDay,
            Key = milestone.Key,
            Cycle = milestone.Cycle,
            Step = milestone.Step,
            Informational = milestone.Informational,
        };
    }
}

/// <summary>The dates under the other reading of an ambiguous rule.</summary>
public sealed record AlternativeJson(string Reading, LocalDate? Earliest, LocalDate Due);
