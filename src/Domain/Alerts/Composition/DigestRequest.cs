using NodaTime;

namespace Scheduler.Domain.Alerts.Composition;

/// <summary>Everything needed to compose one recipient's digest for one sweep.</summary>
/// <param name="To">The recipient address.</param>
/// <param name="From">The sender address.</param>
/// <param name="PublicBaseUrl">The base URL for links (for example <c>https://scheduler.example.gov.uk</c>).</param>
/// <param name="SweepDay">The day of the sweep.</param>
/// <param name="Items">The recipient's alerts (any roles, any authorities).</param>
/// <param name="AuthorityNames">Display names by authority code (for example <c>CRO</c> → <c>Croydon</c>); the code is used when absent.</param>
public sealed record DigestRequest(
    string To,
    string From,
    string PublicBaseUrl,
    LocalDate SweepDay,
    IReadOnlyList<AlertCandidate> Items,
    IReadOnlyDictionary<string, string>? AuthorityNames = null);
