namespace Scheduler.Functions.Http;

/// <summary>Who may call a route: any valid key for the authority in its path, or only the operator; and whether <c>?key=</c> counts.</summary>
/// <param name="Authority">The authority code from the route, when the route has one.</param>
/// <param name="OperatorOnly">Only the operator key may call it.</param>
/// <param name="AllowQueryKey">The key may come as <c>?key=</c> (calendar feeds: calendar clients cannot send headers).</param>
public sealed record ApiAccess(string? Authority, bool OperatorOnly = false, bool AllowQueryKey = false)
{
    /// <summary>Any key valid for <paramref name="code"/> (the operator's too).</summary>
    public static ApiAccess ForAuthority(string code) => new(code);

    /// <summary>The operator only; <paramref name="code"/> is checked for shape when given.</summary>
    public static ApiAccess OperatorOnlyFor(string? code = null) => new(code, OperatorOnly: true);
}
