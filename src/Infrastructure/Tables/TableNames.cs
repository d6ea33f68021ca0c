namespace Scheduler.Infrastructure.Tables;

/// <summary>The table names of the storage contract, defined once.</summary>
public static class TableNames
{
    public const string Authorities = "Authorities";
    public const string ApiKeys = "ApiKeys";
    public const string Episodes = "Episodes";
    public const string Cases = "Cases";
    public const string DueIndex = "DueIndex";
    public const string AuditLog = "AuditLog";
    public const string AlertLedger = "AlertLedger";
    public const string Acknowledgements = "Acknowledgements";
    public const string SweepState = "SweepState";
    public const string ProcessedEvents = "ProcessedEvents";

    /// <summary>Every table the app reads and writes (created at start-up if missing).</summary>
    public static IReadOnlyList<string> All { get; } =
        [Authorities, ApiKeys, Episodes, Cases, DueIndex, AuditLog, AlertLedger, Acknowledgements, SweepState, ProcessedEvents];
}
