namespace Scheduler.Returns;

/// <summary>
/// Something in a return the importer could not take: where (file name, 1-based line, column or element name) and
/// why. The reason names columns and, for coded columns, the offending code; never a personal value.
/// </summary>
public sealed record ImportProblem(string File, int? Line, string? Column, string Reason);

/// <summary>How the importer words an event the rules refuse, wherever the refusal is found (offline or against stored cases).</summary>
public static class EventRefusal
{
    /// <summary><c>child {ref}: {type} cannot be recorded: {reasons}</c>, each reason after its field except the date's.</summary>
    public static string Text(string caseReference, string eventType, IEnumerable<(string Field, string Reason)> errors) =>
        $"child {caseReference}: {eventType} cannot be recorded: {string.Join("; ", errors.Select(e => e.Field == "date" ? e.Reason : $"{e.Field}: {e.Reason}"))}";
}
