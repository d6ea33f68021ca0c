namespace Scheduler.Functions.Views;

/// <summary><c>GET /api/authorities</c>: <c>{"authorities":[…]}</c>.</summary>
public sealed record AuthorityList(IReadOnlyList<AuthorityView> Authorities);

/// <summary><c>GET …/episodes</c>: <c>{"episodes":[…]}</c>.</summary>
public sealed record EpisodeList(IReadOnlyList<EpisodeView> Episodes);

/// <summary><c>GET …/alerts/acknowledgements</c>: <c>{"acknowledgements":[…]}</c>.</summary>
public sealed record AcknowledgementList(IReadOnlyList<AcknowledgementView> Acknowledgements);

/// <summary><c>DELETE /api/authorities/{code}?purge=true</c>: what was deleted, table by table.</summary>
/// <param name="Authority">The authority purged.</param>
/// <param name="Purged">Always true.</param>
/// <param name="Deleted">Rows deleted per table.</param>
public sealed record PurgeResult(string Authority, bool Purged, IReadOnlyDictionary<string, int> Deleted);

/// <summary><c>GET /health</c>: <c>{"status":"ok"}</c>.</summary>
public sealed record HealthStatus(string Status);

/// <summary><c>GET /api/ops/outbox</c> (camelCase, as the operations routes write): the local outbox's folder and emails.</summary>
public sealed record OutboxList(string Directory, int Count, IReadOnlyList<Scheduler.Application.Ports.OutboxEntry> Emails);
