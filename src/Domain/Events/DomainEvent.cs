using NodaTime;

namespace Scheduler.Domain.Events;

/// <summary>Something that happened on a date, recorded against an oversight episode or a child's case.</summary>
public abstract record DomainEvent(LocalDate Date)
{
    /// <summary>The snake_case type name (see <see cref="EventTypes"/>).</summary>
    public abstract string Type { get; }

    /// <summary>
    /// Whether the event records something that has happened (so it cannot be dated after today), as opposed to
    /// an agreed future date.
    /// </summary>
    public virtual bool IsPast => true;
}
