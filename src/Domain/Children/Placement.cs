using NodaTime;

namespace Scheduler.Domain.Children;

/// <summary>
/// One placement of a looked-after child. <see cref="ChildAgreesToFewerVisits"/> records that the child, being of
/// sufficient age and understanding, agrees to six-monthly visits in a long-term foster placement.
/// </summary>
public sealed record Placement(LocalDate Start, PlacementKind Kind, bool ChildAgreesToFewerVisits = false);
