namespace Scheduler.Application.Authorities;

/// <summary>Who is the operator (section <c>Scheduler</c>: <c>Scheduler__OperatorKeySha256</c>).</summary>
public sealed class AccessOptions
{
    /// <summary>Lower-case hex SHA-256 of the operator key; the key itself is never configured. Empty: no operator.</summary>
    public string? OperatorKeySha256 { get; set; }
}
