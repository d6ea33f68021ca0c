using NodaTime;

namespace Scheduler.Domain.Alerts.Composition;

/// <summary>Everything needed to compose one recipient's digest for one sweep.</summary>
/// <param name="To">The recipient address.</param>
/// <param name="From">The sender address; its domain names the <c>Message-ID</c> and the <c>List-Id</c>.</param>
/// <param name="SweepDay">The day of the sweep.</param>
/// <param name="Items">The recipient's alerts (any roles, any authorities), each with its action link.</param>
/// <param name="AuthorityNames">Display names by authority code (for example <c>CRO</c> → <c>Croydon</c>); the code is used when absent.</param>
public sealed record DigestRequest(
    string To,
    string From,
    LocalDate SweepDay,
    IReadOnlyList<DigestItem> Items,
    IReadOnlyDictionary<string, string>? AuthorityNames = null);

/// <summary>One alert of a digest and the link the recipient follows to act on it.</summary>
/// <param name="Alert">The alert.</param>
/// <param name="Link">
/// The absolute http(s) URL of the action page for this milestone and this recipient (the application's signed
/// <c>…/a/{token}</c>); the composer shows it as given and never builds a URL itself.
/// </param>
public sealed record DigestItem(AlertCandidate Alert, string Link);
