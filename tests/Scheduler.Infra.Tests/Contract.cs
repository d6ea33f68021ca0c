namespace Scheduler.Infra.Tests;

/// <summary>Names fixed by the project's cross-cutting contract (CONTRACT.md), written out independently of the templates.</summary>
public static class Contract
{
    /// <summary>Application tables ("Storage names").</summary>
    public static readonly string[] Tables =
    [
        "Authorities", "ApiKeys", "Episodes", "Cases", "Milestones", "DueIndex", "AuditLog", "AlertLedger",
        "Acknowledgements", "SweepState", "ProcessedEvents",
    ];

    /// <summary>Message queues ("Storage names" and the serviceBusTrigger functions).</summary>
    public static readonly string[] Queues = ["case-events", "alert-dispatch", "case-events-poison", "alert-dispatch-poison"];

    /// <summary>Every function folder ("Functions").</summary>
    public static readonly string[] Functions =
    [
        "Authorities", "AuthorityKeys", "Episodes", "Cases", "Worklist", "CalendarFeed", "Alerts", "Operations", "OpenApi", "Health",
        "DailySweep", "CaseEvents", "AlertDispatch",
    ];

    /// <summary>App settings the function app must carry in Azure ("App settings"; Azure-only variants).</summary>
    public static readonly string[] AzureAppSettings =
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "Scheduler__Storage__TableServiceUri",
        "Scheduler__Storage__QueueServiceUri",
        "Scheduler__ManagedIdentityClientId",
        "Scheduler__Messaging__Transport",
        "Scheduler__ServiceBus__FullyQualifiedNamespace",
        "ServiceBusConnection__fullyQualifiedNamespace",
        "ServiceBusConnection__credential",
        "ServiceBusConnection__clientId",
        "Scheduler__SendGrid__ApiKey",
        "Scheduler__SendGrid__FromAddress",
        "Scheduler__Sweep__Schedule",
        "Scheduler__PublicBaseUrl",
        "Scheduler__OperatorKeySha256",
        "Scheduler__Retention__Years",
    ];

    /// <summary>
    /// Settings that exist only for local runs and must not be required in Azure: the shared-key connection
    /// string (Azure uses the service URIs and the managed identity), the local outbox folder (Azure sends
    /// through SendGrid), the demo seed (never in Azure) and the tuning of the local trigger loop (off in Azure,
    /// where the host fires triggers).
    /// </summary>
    public static readonly string[] LocalOnlySettingPrefixes =
    [
        "Scheduler__Storage__ConnectionString",
        "Scheduler__Outbox",
        "Scheduler__SeedDemo",
        "Scheduler__LocalTriggers__",
    ];
}
