namespace Scheduler.Returns;

/// <summary>
/// Something in a return the importer could not take: where (file name, 1-based line, column or element name) and
/// why. The reason names columns and, for coded columns, the offending code; never a personal value.
/// </summary>
public sealed record ImportProblem(string File, int? Line, string? Column, string Reason);
