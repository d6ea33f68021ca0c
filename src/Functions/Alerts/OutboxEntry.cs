namespace Scheduler.Functions.Alerts;

/// <summary>One email in the local outbox, as <c>GET /api/ops/outbox</c> lists it.</summary>
/// <param name="FileName">The .eml file name (the digest key plus <c>.eml</c>).</param>
/// <param name="To">The recipient.</param>
/// <param name="Subject">The decoded subject.</param>
/// <param name="MessageId">The Message-ID header.</param>
/// <param name="Date">The Date header as written.</param>
/// <param name="SizeBytes">The file size.</param>
public sealed record OutboxEntry(string FileName, string To, string Subject, string MessageId, string Date, long SizeBytes);
