using System.Text.Json.Nodes;

namespace Scheduler.Infra.Tests.Bicep;

/// <summary>Queues, tables, storage, the optional Service Bus topic, Key Vault, monitoring and the Flex Consumption app are configured as designed.</summary>
public sealed class ResourceSettingsTests
{
    private static JsonObject Properties(BicepDeclaration resource) => (JsonObject)BicepTemplates.Body(resource)["properties"]!;

    [Fact]
    public void EveryContractQueueAndItsPoisonQueueExistsInStorage()
    {
        var file = BicepTemplates.Module("storage.bicep");
        var declared = BicepTemplates.Resources(file, "Microsoft.Storage/storageAccounts/queueServices/queues")
            .SelectMany(q => BicepTemplates.ResourceNames(file, q))
            .ToHashSet();
        Assert.Equal(Contract.Queues.Order(), declared.Order());
        foreach (var queue in Contract.TriggerQueues)
        {
            Assert.Contains($"{queue}-poison", declared);
        }

        var service = Assert.Single(BicepTemplates.Resources(file, "Microsoft.Storage/storageAccounts/queueServices"));
        Assert.Equal("default", BicepTemplates.Literal(BicepTemplates.Body(service)["name"]));
        Assert.All(
            BicepTemplates.Resources(file, "Microsoft.Storage/storageAccounts/queueServices/queues"),
            q => Assert.Equal(service.Name, BicepTemplates.Reference(BicepTemplates.Body(q)["parent"])));
    }

    [Fact]
    public void NoServiceBusQueueRemains()
    {
        foreach (var (path, file) in BicepTemplates.All)
        {
            Assert.Empty(BicepTemplates.Resources(file, "Microsoft.ServiceBus/namespaces/queues"));
            Assert.True(!path.EndsWith("servicebus.bicep", StringComparison.Ordinal) || file.Find("var", "queueNames") is null, $"{path} still names queues");
        }
    }

    [Fact]
    public void ServiceBusIsDeployedOnlyWhenEnabledAndIsOffByDefault()
    {
        var main = BicepTemplates.Main;
        var enable = main.Find("param", "enableServiceBus")!;
        Assert.Equal("bool", enable.Type);
        Assert.False((bool)enable.Value!);
        var module = main.Find("module", "serviceBus")!;
        Assert.Equal("modules/servicebus.bicep", module.ModulePath);
        Assert.Equal("(enableServiceBus)", BicepTemplates.Literal(module.Value!["$if"]!["condition"]));
        Assert.Equal("serviceBusTopicName", BicepTemplates.Reference(BicepTemplates.Body(module)["params"]!["topicName"]));
        Assert.Equal(Contract.ServiceBusTopic, BicepTemplates.Literal(main.Find("var", "serviceBusTopicName")!.Value));

        // Off: the app's two Service Bus settings must be empty, so every use of the module's outputs falls back to ''.
        var functionApp = BicepTemplates.Body(main.Find("module", "functionApp")!)["params"]!;
        Assert.Equal("serviceBus.?outputs.fullyQualifiedNamespace ?? ''", BicepTemplates.Expression(functionApp["serviceBusFullyQualifiedNamespace"]));
        Assert.Equal("serviceBus.?outputs.topicName ?? ''", BicepTemplates.Expression(functionApp["serviceBusTopicName"]));
        var app = BicepTemplates.Module("functionapp.bicep");
        Assert.Equal(string.Empty, BicepTemplates.Literal(app.Find("param", "serviceBusFullyQualifiedNamespace")!.Value));
        Assert.Equal(string.Empty, BicepTemplates.Literal(app.Find("param", "serviceBusTopicName")!.Value));
    }

    [Fact]
    public void TheServiceBusNamespaceIsStandardWithLocalAuthDisabled()
    {
        var ns = Assert.Single(BicepTemplates.Resources(BicepTemplates.Module("servicebus.bicep"), "Microsoft.ServiceBus/namespaces"));
        Assert.Equal("Standard", BicepTemplates.Literal(BicepTemplates.Body(ns)["sku"]!["name"]));
        Assert.True((bool)Properties(ns)["disableLocalAuth"]!);
    }

    [Fact]
    public void TheAlertsTopicDropsRepeatedMessageIdsWithinADay()
    {
        var file = BicepTemplates.Module("servicebus.bicep");
        var topic = Assert.Single(BicepTemplates.Resources(file, "Microsoft.ServiceBus/namespaces/topics"));
        Assert.Equal("namespace", BicepTemplates.Reference(BicepTemplates.Body(topic)["parent"]));
        Assert.Equal("topicName", BicepTemplates.Reference(BicepTemplates.Body(topic)["name"]));
        Assert.Equal(Contract.ServiceBusTopic, BicepTemplates.Literal(file.Find("param", "topicName")!.Value));
        var p = Properties(topic);
        Assert.True((bool)p["requiresDuplicateDetection"]!);
        Assert.Equal("duplicateDetectionWindow", BicepTemplates.Reference(p["duplicateDetectionHistoryTimeWindow"]));
        // Service Bus accepts 20 seconds to 7 days; one day covers a retried publish and a recovered sweep.
        Assert.Equal("P1D", BicepTemplates.Literal(file.Find("param", "duplicateDetectionWindow")!.Value));
        Assert.NotNull(p["defaultMessageTimeToLive"]);
        Assert.Empty(BicepTemplates.Resources(file, "Microsoft.ServiceBus/namespaces/topics/subscriptions"));
    }

    [Fact]
    public void EveryContractTableExistsInStorage()
    {
        var file = BicepTemplates.Module("storage.bicep");
        var tables = BicepTemplates.Resources(file, "Microsoft.Storage/storageAccounts/tableServices/tables")
            .SelectMany(t => BicepTemplates.ResourceNames(file, t))
            .ToHashSet();
        Assert.Equal(Contract.Tables.Order(), tables.Order());
    }

    [Fact]
    public void StorageAllowsNoSharedKeyNoPublicBlobsAndOnlyTls12()
    {
        var account = Assert.Single(BicepTemplates.Resources(BicepTemplates.Module("storage.bicep"), "Microsoft.Storage/storageAccounts"));
        Assert.Equal("StorageV2", BicepTemplates.Literal(BicepTemplates.Body(account)["kind"]));
        var p = Properties(account);
        Assert.False((bool)p["allowSharedKeyAccess"]!);
        Assert.False((bool)p["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", BicepTemplates.Literal(p["minimumTlsVersion"]));
    }

    [Fact]
    public void TheDeploymentContainerTheAppReadsIsTheOneStorageCreates()
    {
        var storage = BicepTemplates.Module("storage.bicep");
        Assert.Single(BicepTemplates.Resources(storage, "Microsoft.Storage/storageAccounts/blobServices/containers"));
        var passed = BicepTemplates.Main.Find("var", "deploymentContainerName")!;
        foreach (var module in new[] { "storage", "functionApp" })
        {
            var call = BicepTemplates.Main.Find("module", module)!;
            Assert.Equal("deploymentContainerName", BicepTemplates.Reference(BicepTemplates.Body(call)["params"]!["deploymentContainerName"]));
        }

        Assert.False(string.IsNullOrEmpty(BicepTemplates.Literal(passed.Value)));
    }

    [Fact]
    public void KeyVaultUsesRbacSoftDeleteAndPurgeProtection()
    {
        var file = BicepTemplates.Module("keyvault.bicep");
        var vault = Assert.Single(BicepTemplates.Resources(file, "Microsoft.KeyVault/vaults"));
        var p = Properties(vault);
        Assert.True((bool)p["enableRbacAuthorization"]!);
        Assert.True((bool)p["enableSoftDelete"]!);
        Assert.True((bool)p["enablePurgeProtection"]!);
    }

    [Theory]
    [InlineData("sendGridSecret", "sendGridApiKey", "sendGridSecretName", "SendGridApiKey")]
    [InlineData("linkSecret", "linkSigningSecret", "linkSigningSecretName", "LinkSigningSecret")]
    public void ASecretIsWrittenOnlyWhenItsSecureParameterIsGiven(string resource, string parameter, string nameParameter, string secretName)
    {
        var file = BicepTemplates.Module("keyvault.bicep");
        var value = file.Find("param", parameter)!;
        Assert.Contains("secure", value.Decorators);
        Assert.Equal(string.Empty, BicepTemplates.Literal(value.Value));
        var secret = file.Find("resource", resource)!;
        Assert.Equal("Microsoft.KeyVault/vaults/secrets", secret.Type!.Split('@')[0]);
        Assert.Equal($"(!empty({parameter}))", BicepTemplates.Literal(secret.Value!["$if"]!["condition"]));
        Assert.Equal(parameter, BicepTemplates.Reference(Properties(secret)["value"]));
        Assert.Equal(nameParameter, BicepTemplates.Reference(BicepTemplates.Body(secret)["name"]));
        Assert.Equal(secretName, BicepTemplates.Literal(file.Find("param", nameParameter)!.Value));
        Assert.Contains(secretName, Contract.KeyVaultSecrets);
    }

    [Fact]
    public void EverySecretTheAppReferencesHasAVersionlessUri()
    {
        var file = BicepTemplates.Module("keyvault.bicep");
        var names = Contract.KeyVaultSecrets.ToDictionary(
            n => n,
            n => file.OfKind("param").Single(p => BicepTemplates.Literal(p.Value) == n).Name);
        foreach (var (secret, nameParameter) in names)
        {
            var output = file.OfKind("output").SingleOrDefault(o => BicepTemplates.Expression(o.Value) == $"'${{vault.properties.vaultUri}}secrets/${{{nameParameter}}}'");
            Assert.True(output is not null, $"no output gives the versionless URI of {secret}");
        }

        Assert.Single(BicepTemplates.Resources(file, "Microsoft.KeyVault/vaults/secrets"), r => r.Name == "sendGridSecret");
        Assert.Equal(2, BicepTemplates.Resources(file, "Microsoft.KeyVault/vaults/secrets").Count());
    }

    [Fact]
    public void ApplicationInsightsIsWorkspaceBasedWithLocalAuthDisabled()
    {
        var file = BicepTemplates.Module("monitoring.bicep");
        var ai = Assert.Single(BicepTemplates.Resources(file, "Microsoft.Insights/components"));
        var p = Properties(ai);
        Assert.Equal("workspace", BicepTemplates.Refs(p["WorkspaceResourceId"]).Single());
        Assert.Single(BicepTemplates.Resources(file, "Microsoft.OperationalInsights/workspaces"));
        Assert.True((bool)p["DisableLocalAuth"]!);
    }

    [Fact]
    public void TheFunctionAppIsFlexConsumptionWithTheDotnetIsolatedRuntime()
    {
        var file = BicepTemplates.Module("functionapp.bicep");
        var plan = Assert.Single(BicepTemplates.Resources(file, "Microsoft.Web/serverfarms"));
        Assert.Equal("FC1", BicepTemplates.Literal(BicepTemplates.Body(plan)["sku"]!["name"]));
        Assert.Equal("FlexConsumption", BicepTemplates.Literal(BicepTemplates.Body(plan)["sku"]!["tier"]));

        var site = Assert.Single(BicepTemplates.Resources(file, "Microsoft.Web/sites"));
        var body = BicepTemplates.Body(site);
        Assert.Equal("functionapp,linux", BicepTemplates.Literal(body["kind"]));
        Assert.Equal("UserAssigned", BicepTemplates.Literal(body["identity"]!["type"]));
        var p = (JsonObject)body["properties"]!;
        Assert.Equal("plan", BicepTemplates.Refs(p["serverFarmId"]).Single());
        Assert.True((bool)p["httpsOnly"]!);
        Assert.Equal("1.2", BicepTemplates.Literal(p["siteConfig"]!["minTlsVersion"]));
        // Flex Consumption lists ftpsState among its deprecated site properties (it has no FTPS).
        Assert.Null(p["siteConfig"]!["ftpsState"]);

        var config = p["functionAppConfig"]!;
        Assert.Equal(Contract.Runtime.Name, BicepTemplates.Literal(config["runtime"]!["name"]));
        Assert.Equal(Contract.Runtime.Version, BicepTemplates.Literal(config["runtime"]!["version"]));
        var storage = config["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", BicepTemplates.Literal(storage["type"]));
        Assert.Equal("UserAssignedIdentity", BicepTemplates.Literal(storage["authentication"]!["type"]));
        Assert.Equal("identityId", BicepTemplates.Reference(storage["authentication"]!["userAssignedIdentityResourceId"]));
        Assert.Equal("instanceMemoryMB", BicepTemplates.Reference(config["scaleAndConcurrency"]!["instanceMemoryMB"]));
        Assert.Equal(2048, (int)file.Find("param", "instanceMemoryMB")!.Value!);
        Assert.NotNull(config["scaleAndConcurrency"]!["maximumInstanceCount"]);
    }
}
