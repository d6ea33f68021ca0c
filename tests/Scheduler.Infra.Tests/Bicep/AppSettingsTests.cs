using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Scheduler.Infra.Tests.Bicep;

/// <summary>The function app carries exactly the settings of the contract, with the Azure values, and every setting the code reads.</summary>
public sealed partial class AppSettingsTests
{
    private static BicepFile FunctionApp => BicepTemplates.Module("functionapp.bicep");

    private static JsonObject Settings()
    {
        var config = Assert.Single(
            BicepTemplates.Resources(FunctionApp, "Microsoft.Web/sites/config"),
            r => BicepTemplates.Literal(BicepTemplates.Body(r)["name"]) == "appsettings");
        return (JsonObject)BicepTemplates.Body(config)["properties"]!;
    }

    [Fact]
    public void TheAppSettingsAreExactlyTheContract()
    {
        var settings = Settings().Select(p => p.Key).ToHashSet();
        var missing = Contract.AzureAppSettings.Where(s => !settings.Contains(s)).ToList();
        var extra = settings.Where(s => !Contract.AzureAppSettings.Contains(s)).ToList();
        Assert.True(missing.Count == 0, "missing app settings: " + string.Join(", ", missing));
        Assert.True(extra.Count == 0, "app settings outside the contract: " + string.Join(", ", extra));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__credential", "managedidentity")]
    [InlineData("Scheduler__Dispatch__MaxAttempts", "5")]
    public void FixedSettingsHaveTheirAzureValue(string name, string expected)
    {
        Assert.Equal(expected, BicepTemplates.Literal(Settings()[name]));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__clientId", "identityClientId")]
    [InlineData("Scheduler__ManagedIdentityClientId", "identityClientId")]
    [InlineData("AzureWebJobsStorage__accountName", "storageAccountName")]
    [InlineData("Scheduler__ServiceBus__FullyQualifiedNamespace", "serviceBusFullyQualifiedNamespace")]
    [InlineData("Scheduler__ServiceBus__Topic", "serviceBusTopicName")]
    [InlineData("Scheduler__Storage__TableServiceUri", "tableEndpoint")]
    [InlineData("Scheduler__Storage__QueueServiceUri", "queueEndpoint")]
    [InlineData("Scheduler__Sweep__Schedule", "sweepSchedule")]
    [InlineData("Scheduler__Sweep__RecoverySchedule", "sweepRecoverySchedule")]
    [InlineData("Scheduler__OperatorKeySha256", "operatorKeySha256")]
    [InlineData("Scheduler__SendGrid__FromAddress", "sendGridFromAddress")]
    public void WiredSettingsComeFromTheRightParameter(string name, string parameter)
    {
        Assert.Equal(parameter, BicepTemplates.Reference(Settings()[name]));
        Assert.NotNull(FunctionApp.Find("param", parameter));
    }

    [Fact]
    public void TheSecretsAreKeyVaultReferencesResolvedWithTheUserAssignedIdentity()
    {
        var settings = Settings();
        Assert.Equal("'@Microsoft.KeyVault(SecretUri=${sendGridSecretUri})'", BicepTemplates.Expression(settings["Scheduler__SendGrid__ApiKey"]));
        Assert.Equal("'@Microsoft.KeyVault(SecretUri=${linkSigningSecretUri})'", BicepTemplates.Expression(settings["Scheduler__Links__Secret"]));
        var site = Assert.Single(BicepTemplates.Resources(FunctionApp, "Microsoft.Web/sites"));
        var properties = (JsonObject)BicepTemplates.Body(site)["properties"]!;
        Assert.Equal("identityId", BicepTemplates.Reference(properties["keyVaultReferenceIdentity"]));
    }

    [Fact]
    public void ThePreviousLinkKeyIsAKeyVaultReferenceOnlyDuringARotation()
    {
        var previous = BicepTemplates.Expression(Settings()["Scheduler__Links__PreviousSecret"]);
        Assert.Equal(
            "linkSigningPreviousSecretEnabled ? '@Microsoft.KeyVault(SecretUri=${linkSigningPreviousSecretUri})' : ''",
            previous);
        Assert.False((bool)FunctionApp.Find("param", "linkSigningPreviousSecretEnabled")!.Value!);
    }

    [Fact]
    public void NumbersAndThePublicUrlAreDerivedFromTheirParameters()
    {
        var settings = Settings();
        Assert.Equal("string(retentionYears)", BicepTemplates.Expression(settings["Scheduler__Retention__Years"]));
        Assert.Equal("string(linkValidDays)", BicepTemplates.Expression(settings["Scheduler__Links__ValidDays"]));
        var url = BicepTemplates.Refs(settings["Scheduler__PublicBaseUrl"]);
        Assert.Contains("publicBaseUrl", url);
        Assert.Contains("site", url);
    }

    [Fact]
    public void TelemetryUsesEntraIdWithTheUserAssignedIdentity()
    {
        var settings = Settings();
        Assert.Equal("appInsightsConnectionString", BicepTemplates.Reference(settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]));
        Assert.Equal("'ClientId=${identityClientId};Authorization=AAD'", BicepTemplates.Expression(settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]));
    }

    [Fact]
    public void SettingsThatFlexConsumptionDeprecatesOrThatAreGoneOrLocalOnlyAreAbsent()
    {
        var present = Contract.ForbiddenAppSettings.Where(Settings().ContainsKey).ToList();
        Assert.True(present.Count == 0, "must not be set: " + string.Join(", ", present));
        Assert.DoesNotContain(Settings(), s => Contract.LocalOnlySettingPrefixes.Any(p => s.Key.StartsWith(p, StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryContractTimerScheduleIsAnAppSettingWithItsDocumentedDefault()
    {
        var settings = Settings();
        foreach (var (setting, parameter, defaultValue) in Contract.TimerSchedules)
        {
            Assert.Equal(parameter, BicepTemplates.Reference(settings[setting]));
            Assert.Equal(parameter, BicepTemplates.Reference(BicepTemplates.Body(BicepTemplates.Main.Find("module", "functionApp")!)["params"]![parameter]));
            Assert.Equal(defaultValue, BicepTemplates.Literal(BicepTemplates.Main.Find("param", parameter)!.Value));
            Assert.Equal(6, defaultValue.Split(' ').Length);
        }
    }

    [TriggerFact("TimerTrigger")]
    public void EveryTimerTriggerReadsItsScheduleFromAContractAppSetting()
    {
        var settings = Settings();
        var used = new HashSet<string>();
        foreach (var timer in FunctionTriggers.OfKind("TimerTrigger"))
        {
            Assert.True(timer.Value is not null, $"{timer.File}: cannot resolve the schedule {timer.Argument}");
            var setting = FunctionTriggers.ScheduleSetting(timer.Value);
            Assert.True(setting is not null, $"{timer.File}: the schedule {timer.Value} is written in the code; it must be %<app setting>%");
            Assert.True(settings.ContainsKey(setting), $"{timer.File} uses %{timer.Value}%, which is not an app setting");
            used.Add(setting);
        }

        Assert.Equal(Contract.TimerSchedules.Select(t => t.Setting).Order(), used.Order());
    }

    [TriggerFact("TimerTrigger")]
    public void TheLocalRunScriptGivesEveryTimerItsSchedule()
    {
        // The local host, like the platform, will not start a timer whose %setting% has no value: a timer added
        // without its setting in scripts/run breaks the README's first command on a fresh clone.
        var script = File.ReadAllText(RepoRoot.Combine("scripts", "run"));
        foreach (var timer in FunctionTriggers.OfKind("TimerTrigger"))
        {
            var setting = FunctionTriggers.ScheduleSetting(timer.Value);
            Assert.True(setting is not null, $"{timer.File}: the schedule {timer.Value} is not %<app setting>%");
            Assert.Matches($"(?m)^export {System.Text.RegularExpressions.Regex.Escape(setting)}=\\S", script);
        }
    }

    [TriggerFact("QueueTrigger")]
    public void EveryQueueTriggerReadsAContractQueueThroughTheIdentityBasedDefaultConnection()
    {
        var settings = Settings();
        var used = new HashSet<string>();
        foreach (var queue in FunctionTriggers.OfKind("QueueTrigger"))
        {
            Assert.True(queue.Value is not null, $"{queue.File}: cannot resolve the queue name {queue.Argument}");
            Assert.True(Contract.TriggerQueues.Contains(queue.Value), $"{queue.File}: queue {queue.Value} is not a trigger queue of the contract");
            var connection = queue.Connection ?? Contract.QueueConnection;
            Assert.True(connection == Contract.QueueConnection, $"{queue.File}: queue {queue.Value} uses connection {connection}, not {Contract.QueueConnection}");
            Assert.True(settings.ContainsKey($"{connection}__accountName"), $"{queue.File}: connection {connection} has no identity-based app settings");
            used.Add(queue.Value);
        }

        Assert.Equal(Contract.TriggerQueues.Order(), used.Order());
    }

    [Fact]
    public void TheTriggerScanReadsTheAttributeForms()
    {
        const string constants = """
            public static class QueueNames
            {
                public const string CaseEvents = "case-events";
            }
            internal static class Schedules { internal const string Recovery = "%Scheduler__Sweep__RecoverySchedule%"; }
            """;
        const string source = """
            // [TimerTrigger("%Commented__Out%")] is not a trigger.
            public Task Sweep([TimerTrigger("%Scheduler:Sweep:Schedule%", RunOnStartup = false)] TimerInfo timer) => Task.CompletedTask;
            public Task Recover([Microsoft.Azure.Functions.Worker.TimerTriggerAttribute(Schedules.Recovery)] TimerInfo timer) => Task.CompletedTask;
            public Task Events([QueueTrigger(QueueNames.CaseEvents)] string message) => Task.CompletedTask;
            public Task Dispatch([QueueTrigger("alert-dispatch", Connection = "AzureWebJobsStorage")] string message) => Task.CompletedTask;
            public const string TimerTrigger = "timerTrigger";
            """;
        var found = FunctionTriggers.Find(source, "Sample.cs", FunctionTriggers.Constants([constants, source])).ToList();

        Assert.Equal(
            [
                new TriggerAttribute("TimerTrigger", "%Scheduler:Sweep:Schedule%", "%Scheduler:Sweep:Schedule%", null, "Sample.cs"),
                new TriggerAttribute("TimerTrigger", "Schedules.Recovery", "%Scheduler__Sweep__RecoverySchedule%", null, "Sample.cs"),
                new TriggerAttribute("QueueTrigger", "QueueNames.CaseEvents", "case-events", null, "Sample.cs"),
                new TriggerAttribute("QueueTrigger", "alert-dispatch", "alert-dispatch", "AzureWebJobsStorage", "Sample.cs"),
            ],
            found);
        Assert.Equal("Scheduler__Sweep__Schedule", FunctionTriggers.ScheduleSetting(found[0].Value));
        Assert.Equal("Scheduler__Sweep__RecoverySchedule", FunctionTriggers.ScheduleSetting(found[1].Value));
        Assert.Null(FunctionTriggers.ScheduleSetting("0 0 6 * * *"));
    }

    [Fact]
    public void AConstantDeclaredTwiceWithDifferentValuesIsNotGuessed()
    {
        var constants = FunctionTriggers.Constants(["const string Queue = \"a\";", "const string Queue = \"b\";", "const string Same = \"c\"; const string Same = \"c\";"]);
        Assert.Null(constants["Queue"]);
        Assert.Equal("c", constants["Same"]);
    }

    [Fact]
    public void EverySchedulerSettingTheSourceReadsIsSetOrLocalOnly()
    {
        var settings = Settings().Select(p => p.Key).ToList();
        var keys = SourceConfigurationKeys();
        Assert.NotEmpty(keys);
        var missing = new List<string>();
        foreach (var (key, file) in keys)
        {
            var name = key.Replace(":", "__", StringComparison.Ordinal);
            var set = settings.Any(s => s == name || s.StartsWith(name + "__", StringComparison.Ordinal));
            var exempt = Contract.LocalOnlySettingPrefixes.Concat(Contract.RetiredSettingPrefixes)
                .Any(p => name.StartsWith(p, StringComparison.Ordinal));
            if (!set && !exempt)
            {
                missing.Add($"{name} (read in {file})");
            }
        }

        Assert.True(missing.Count == 0, "configuration keys read in src/ but not set in functionapp.bicep: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheSourceScanFindsKeysInBothSpellings()
    {
        const string source = """
            var a = config["Scheduler:Sweep:Schedule"];
            var b = Environment.GetEnvironmentVariable("Scheduler__Retention__Years");
            var c = config.GetSection("Scheduler:SendGrid");
            var d = "not Scheduler: a key";
            """;
        var found = Keys(source).ToList();
        Assert.Equal(["Scheduler:Sweep:Schedule", "Scheduler:Retention:Years", "Scheduler:SendGrid"], found);
    }

    // Every project under src/ (Application, Infrastructure, Functions, LocalHost, …): a key may be read anywhere.
    private static List<(string Key, string File)> SourceConfigurationKeys() =>
        FunctionTriggers.SourceFiles(RepoRoot.Combine("src"))
            .SelectMany(f => Keys(File.ReadAllText(f)).Select(k => (k, Path.GetRelativePath(RepoRoot.Path, f))))
            .Distinct()
            .ToList();

    private static IEnumerable<string> Keys(string source) =>
        ConfigurationKey().Matches(source).Select(m => m.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal));

    // A string literal that is exactly a Scheduler configuration key or section, in ':' or '__' spelling.
    [GeneratedRegex("\"(Scheduler(?:(?::|__)[A-Za-z0-9]+)+)\"")]
    private static partial Regex ConfigurationKey();
}
