using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Scheduler.Infra.Tests.Bicep;

/// <summary>The function app carries every setting the host and the handler read, with the Azure values.</summary>
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
    public void EveryContractSettingIsSet()
    {
        var settings = Settings();
        var missing = Contract.AzureAppSettings.Where(s => !settings.ContainsKey(s)).ToList();
        Assert.True(missing.Count == 0, "missing app settings: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__credential", "managedidentity")]
    [InlineData("ServiceBusConnection__credential", "managedidentity")]
    [InlineData("Scheduler__Messaging__Transport", "ServiceBus")]
    [InlineData("Scheduler__LocalTriggers__Enabled", "false")]
    public void FixedSettingsHaveTheirAzureValue(string name, string expected)
    {
        Assert.Equal(expected, BicepTemplates.Literal(Settings()[name]));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__clientId", "identityClientId")]
    [InlineData("ServiceBusConnection__clientId", "identityClientId")]
    [InlineData("Scheduler__ManagedIdentityClientId", "identityClientId")]
    [InlineData("AzureWebJobsStorage__accountName", "storageAccountName")]
    [InlineData("ServiceBusConnection__fullyQualifiedNamespace", "serviceBusFullyQualifiedNamespace")]
    [InlineData("Scheduler__ServiceBus__FullyQualifiedNamespace", "serviceBusFullyQualifiedNamespace")]
    [InlineData("Scheduler__Storage__TableServiceUri", "tableEndpoint")]
    [InlineData("Scheduler__Storage__QueueServiceUri", "queueEndpoint")]
    [InlineData("Scheduler__Sweep__Schedule", "sweepSchedule")]
    [InlineData("Scheduler__OperatorKeySha256", "operatorKeySha256")]
    [InlineData("Scheduler__SendGrid__FromAddress", "sendGridFromAddress")]
    public void WiredSettingsComeFromTheRightParameter(string name, string parameter)
    {
        Assert.Equal(parameter, BicepTemplates.Reference(Settings()[name]));
        Assert.NotNull(FunctionApp.Find("param", parameter));
    }

    [Fact]
    public void TheSendGridKeyIsAKeyVaultReferenceResolvedWithTheUserAssignedIdentity()
    {
        var apiKey = BicepTemplates.Expression(Settings()["Scheduler__SendGrid__ApiKey"]);
        Assert.Equal("'@Microsoft.KeyVault(SecretUri=${sendGridSecretUri})'", apiKey);
        var site = Assert.Single(BicepTemplates.Resources(FunctionApp, "Microsoft.Web/sites"));
        var properties = (JsonObject)BicepTemplates.Body(site)["properties"]!;
        Assert.Equal("identityId", BicepTemplates.Reference(properties["keyVaultReferenceIdentity"]));
    }

    [Fact]
    public void RetentionAndPublicUrlAreDerivedFromTheirParameters()
    {
        var settings = Settings();
        Assert.Contains("retentionYears", BicepTemplates.Refs(settings["Scheduler__Retention__Years"]));
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

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("Scheduler__Storage__ConnectionString")]
    public void SettingsThatFlexConsumptionRejectsOrThatCarrySecretsAreAbsent(string name)
    {
        Assert.False(Settings().ContainsKey(name), $"{name} must not be set");
    }

    [Fact]
    public void EverySettingAFunctionJsonNamesIsSet()
    {
        var settings = Settings();
        var checkedAny = false;
        foreach (var path in Directory.GetFiles(RepoRoot.Combine("functions"), "function.json", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(path);
            foreach (Match match in Placeholder().Matches(text))
            {
                checkedAny = true;
                Assert.True(settings.ContainsKey(match.Groups[1].Value), $"{path} uses %{match.Groups[1].Value}%, which is not an app setting");
            }

            foreach (var binding in JsonNode.Parse(text)!["bindings"]!.AsArray())
            {
                if ((string?)binding!["connection"] is { } connection)
                {
                    checkedAny = true;
                    Assert.True(
                        settings.ContainsKey($"{connection}__fullyQualifiedNamespace") || settings.ContainsKey(connection),
                        $"{path}: connection {connection} has no app settings");
                }
            }
        }

        Assert.True(checkedAny, "no %setting% or connection found in functions/*/function.json");
    }

    [Fact]
    public void EverySchedulerSettingTheSourceReadsIsSetOrLocalOnly()
    {
        var settings = Settings().Select(p => p.Key).ToList();
        var keys = SourceConfigurationKeys();
        var missing = new List<string>();
        foreach (var (key, file) in keys)
        {
            var name = key.Replace(":", "__", StringComparison.Ordinal);
            var set = settings.Any(s => s == name || s.StartsWith(name + "__", StringComparison.Ordinal));
            var localOnly = Contract.LocalOnlySettingPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));
            if (!set && !localOnly)
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

    private static List<(string Key, string File)> SourceConfigurationKeys()
    {
        var src = RepoRoot.Combine("src");
        return Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Keys(File.ReadAllText(f)).Select(k => (k, Path.GetRelativePath(RepoRoot.Path, f))))
            .Distinct()
            .ToList();
    }

    private static IEnumerable<string> Keys(string source) =>
        ConfigurationKey().Matches(source).Select(m => m.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal));

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex Placeholder();

    // A string literal that is exactly a Scheduler configuration key or section, in ':' or '__' spelling.
    [GeneratedRegex("\"(Scheduler(?:(?::|__)[A-Za-z0-9]+)+)\"")]
    private static partial Regex ConfigurationKey();
}
