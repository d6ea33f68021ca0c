namespace Scheduler.Infra.Tests;

/// <summary>
/// Names fixed by the deployment contract of the isolated-worker app (docs/configuration.md), written out
/// independently of the templates and of the code. The infra tests are driven by these lists: change the
/// contract here, and the tests check the templates and the source against it.
/// </summary>
public static class Contract
{
    /// <summary>Application tables (src/Functions/State/TableNames.cs).</summary>
    public static readonly string[] Tables =
    [
        "Authorities", "ApiKeys", "Episodes", "Cases", "Milestones", "DueIndex", "AuditLog", "AlertLedger",
        "Acknowledgements", "SweepState", "ProcessedEvents",
    ];

    /// <summary>Storage queues that queue-triggered functions read.</summary>
    public static readonly string[] TriggerQueues = ["case-events", "alert-dispatch"];

    /// <summary>Every storage queue: the trigger queues and the poison queue the queue extension moves a failed message to.</summary>
    public static readonly string[] Queues = [.. TriggerQueues, .. TriggerQueues.Select(q => $"{q}-poison")];

    /// <summary>Connection the queue triggers use: the default one, identity-based (AzureWebJobsStorage__accountName).</summary>
    public const string QueueConnection = "AzureWebJobsStorage";

    /// <summary>The app settings that hold the timer schedules, with the default of the main.bicep parameter that fills each.</summary>
    public static readonly (string Setting, string Parameter, string Default)[] TimerSchedules =
    [
        ("Scheduler__Sweep__Schedule", "sweepSchedule", "0 0 6 * * *"),
        ("Scheduler__Sweep__RecoverySchedule", "sweepRecoverySchedule", "0 */10 * * * *"),
    ];

    /// <summary>Flex Consumption runtime of the function app (functionAppConfig.runtime).</summary>
    public static readonly (string Name, string Version) Runtime = ("dotnet-isolated", "10.0");

    /// <summary>The optional Service Bus topic sent alerts are published to.</summary>
    public const string ServiceBusTopic = "alerts-sent";

    /// <summary>Key Vault secrets the app settings reference (SendGrid key, link-signing key, previous link-signing key).</summary>
    public static readonly string[] KeyVaultSecrets = ["SendGridApiKey", "LinkSigningSecret", "LinkSigningSecretPrevious"];

    /// <summary>Every function of the isolated worker (the names in its functions.metadata, which the package tests check).</summary>
    public static readonly string[] Functions =
    [
        "ListAuthorities", "GetAuthority", "PutAuthority", "PurgeAuthority", "IssueKey", "ListKeys", "RevokeKey",
        "ListEpisodes", "CreateEpisode", "GetEpisode", "GetEpisodeCalendar", "RecordEpisodeEvent",
        "ListCases", "CreateCase", "GetCase", "PutCase", "GetCaseMilestones", "RecordCaseEvent",
        "GetWorkList", "CalendarFeed", "AcknowledgeMilestone", "AcknowledgeAlert", "ListAcknowledgements",
        "OpenActionPage", "AcknowledgeFromLink", "RecordDoneFromLink",
        "ImportReturn", "RunSweep", "ListOutbox", "Health", "OpenApi", "ZzzUnmatchedRoute",
        "DailySweep", "SweepRecovery", "CaseEvents", "AlertDispatch",
    ];

    /// <summary>Exactly the app settings the function app carries in Azure: no more, no fewer.</summary>
    public static readonly string[] AzureAppSettings =
    [
        "AzureWebJobsStorage__accountName",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "Scheduler__Storage__TableServiceUri",
        "Scheduler__Storage__QueueServiceUri",
        "Scheduler__ManagedIdentityClientId",
        "Scheduler__ServiceBus__FullyQualifiedNamespace",
        "Scheduler__ServiceBus__Topic",
        "Scheduler__SendGrid__ApiKey",
        "Scheduler__SendGrid__FromAddress",
        "Scheduler__Sweep__Schedule",
        "Scheduler__Sweep__RecoverySchedule",
        "Scheduler__Links__Secret",
        "Scheduler__Links__PreviousSecret",
        "Scheduler__Links__ValidDays",
        "Scheduler__PublicBaseUrl",
        "Scheduler__OperatorKeySha256",
        "Scheduler__Retention__Years",
        "Scheduler__Dispatch__MaxAttempts",
    ];

    /// <summary>
    /// Settings that must not be app settings in Azure: what Flex Consumption deprecates (the runtime is
    /// functionAppConfig.runtime, the package functionAppConfig.deployment), connection strings with keys
    /// (shared-key access is off), local-only settings, and the custom-handler settings that are gone.
    /// </summary>
    public static readonly string[] ForbiddenAppSettings =
    [
        "FUNCTIONS_WORKER_RUNTIME",
        "FUNCTIONS_WORKER_RUNTIME_VERSION",
        "FUNCTIONS_EXTENSION_VERSION",
        "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTSHARE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
        "AzureWebJobsStorage",
        "Scheduler__Storage__ConnectionString",
        "Scheduler__SendGrid__BaseUrl",
        "Scheduler__Messaging__Transport",
        "ServiceBusConnection__fullyQualifiedNamespace",
        "ServiceBusConnection__credential",
        "ServiceBusConnection__clientId",
        "Scheduler__LocalTriggers__Enabled",
    ];

    /// <summary>
    /// Configuration keys (prefixes, '__' spelling) the code may read that exist only for local runs and tests
    /// and so are not set in Azure: the shared-key connection string (Azure uses the service URIs and the managed
    /// identity), the local outbox folder (Azure sends through SendGrid), the SendGrid base URL (tests point it at
    /// a stand-in), the demo seed and the demo clock (never in Azure).
    /// </summary>
    public static readonly string[] LocalOnlySettingPrefixes =
    [
        "Scheduler__Storage__ConnectionString",
        "Scheduler__Outbox",
        "Scheduler__SendGrid__BaseUrl",
        "Scheduler__SeedDemo",
        "Scheduler__Demo",
        "Scheduler__Today",
        "Scheduler__Clock",
    ];

    /// <summary>
    /// Keys the custom-handler code still reads and the new deployment deliberately no longer sets. The source
    /// scan tolerates them only while the old code is in src/; empty this list once the isolated-worker rewrite
    /// has landed, so that a leftover read of a retired setting fails the scan.
    /// </summary>
    public static readonly string[] RetiredSettingPrefixes =
    [
        "Scheduler__Messaging__Transport",
        "Scheduler__LocalTriggers__",
    ];
}
