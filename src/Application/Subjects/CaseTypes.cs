using Scheduler.Domain.Children;
using Scheduler.Domain.Events;

namespace Scheduler.Application.Subjects;

/// <summary>Case type spellings: <c>CP</c> (child protection) and <c>LAC</c> (looked after), or any type's snake_case name.</summary>
public static class CaseTypes
{
    /// <summary>The accepted spellings, for error messages.</summary>
    public static string Accepted => "CP, LAC, " + string.Join(", ", Enum.GetValues<CaseType>().Select(t => EventFactory.WireName(t)));

    /// <summary>The type for a spelling, or null.</summary>
    public static CaseType? Parse(string? text)
    {
        if (string.Equals(text, "CP", StringComparison.OrdinalIgnoreCase))
        {
            return CaseType.ChildProtection;
        }

        if (string.Equals(text, "LAC", StringComparison.OrdinalIgnoreCase))
        {
            return CaseType.LookedAfter;
        }

        foreach (var type in Enum.GetValues<CaseType>())
        {
            if (string.Equals(EventFactory.WireName(type), text, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The type for a spelling; a 400 on <paramref name="field"/> naming the accepted spellings when it is none.</summary>
    public static CaseType ParseOrRefuse(string? text, string field = "type") =>
        Parse(text) ?? throw new ValidationException(field, $"'{text}' is not a case type (one of {Accepted})");

    /// <summary>The stored and displayed spelling: CP, LAC, or the snake_case name.</summary>
    public static string Name(CaseType type) => CaseTypeNames.Name(type);
}
