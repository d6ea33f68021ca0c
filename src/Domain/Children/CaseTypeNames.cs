using Scheduler.Domain.Events;

namespace Scheduler.Domain.Children;

/// <summary>How a case type is written where it is stored and shown: <c>CP</c>, <c>LAC</c>, or the type's snake_case name.</summary>
public static class CaseTypeNames
{
    /// <summary>The spelling of <paramref name="type"/>.</summary>
    public static string Name(CaseType type) => type switch
    {
        CaseType.ChildProtection => "CP",
        CaseType.LookedAfter => "LAC",
        _ => EventFactory.WireName(type),
    };
}
