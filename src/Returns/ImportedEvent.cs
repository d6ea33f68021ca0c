using NodaTime;
using Scheduler.Domain.Events;

namespace Scheduler.Returns;

/// <summary>
/// One event read from a return, in the wire shape the API and the case-events queue accept (<see cref="Type"/>
/// and <see cref="Fields"/>, which hold <c>date</c> and, by type, <c>kind</c> or <c>milestone</c>), with its
/// deterministic <see cref="Id"/>, its natural key and where in the return it came from.
/// </summary>
public sealed record ImportedEvent
{
    /// <summary><c>ret-&lt;child&gt;-&lt;kind&gt;-&lt;yyyymmdd&gt;</c>: the same return, or next year's, gives the same id for the same event.</summary>
    public required string Id { get; init; }

    /// <summary>The event type (see <see cref="EventTypes"/>).</summary>
    public required string Type { get; init; }

    public required LocalDate Date { get; init; }

    /// <summary>The wire fields: <c>date</c> (yyyy-MM-dd) and, by type, <c>kind</c> or <c>milestone</c>.</summary>
    public required IReadOnlyDictionary<string, string?> Fields { get; init; }

    /// <summary>Child, kind and date: what makes two records the same event, whichever return or API call they came from.</summary>
    public required EventNaturalKey Key { get; init; }

    /// <summary>The file, line and column the event was read from.</summary>
    public required ImportSource Source { get; init; }

    /// <summary>The typed domain event; throws <see cref="Scheduler.Domain.Validation.DomainValidationException"/> for bad fields.</summary>
    public ChildCaseEvent ToDomainEvent() => EventFactory.ChildCase(Type, Fields);
}

/// <summary>The natural key of an imported event: the child's case reference, the event's kind (its type, or <c>milestone_completed.&lt;rule&gt;</c>) and its date.</summary>
public sealed record EventNaturalKey(string CaseReference, string Kind, LocalDate Date)
{
    /// <inheritdoc/>
    public override string ToString() => $"{CaseReference}/{Kind}/{Date:uuuu-MM-dd}";
}

/// <summary>Where in a return something was read: file name, 1-based line and column (or XML element) name.</summary>
public sealed record ImportSource(string File, int Line, string Column);
