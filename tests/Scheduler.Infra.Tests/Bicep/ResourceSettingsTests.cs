using System.Text.Json.Nodes;

namespace Scheduler.Infra.Tests.Bicep;

/// <summary>Queues, tables, storage, Key Vault, monitoring and the Flex Consumption app are configured as designed.</summary>
public sealed class ResourceSettingsTests
{
    private static JsonObject Properties(BicepDeclaration resource) => (JsonObject)BicepTemplates.Body(resource)["properties"]!;

    [Fact]
    public void EveryQueueTheFunctionsAndTheContractNameExistsInServiceBus()
    {
        var file = BicepTemplates.Module("servicebus.bicep");
        var declared = BicepTemplates.Resources(file, "Microsoft.ServiceBus/namespaces/queues")
            .SelectMany(q => BicepTemplates.ResourceNames(file, q))
            .ToHashSet();
        var needed = new HashSet<string>(Contract.Queues);
        foreach (var path in Directory.GetFiles(RepoRoot.Combine("functions"), "function.json", SearchOption.AllDirectories))
        {
            foreach (var binding in JsonNode.Parse(File.ReadAllText(path))!["bindings"]!.AsArray())
            {
                if ((string?)binding!["queueName"] is { } queue)
                {
                    needed.Add(queue);
                }
            }
        }

        Assert.Equal(needed.Order(), declared.Order());
    }

    [Fact]
    public void QueuesDetectDuplicatesAndDeadLetterAfterFiveDeliveries()
    {
        var file = BicepTemplates.Module("servicebus.bicep");
        foreach (var queue in BicepTemplates.Resources(file, "Microsoft.ServiceBus/namespaces/queues"))
        {
            var p = Properties(queue);
            Assert.True((bool)p["requiresDuplicateDetection"]!);
            Assert.StartsWith("PT", BicepTemplates.Literal(p["duplicateDetectionHistoryTimeWindow"]));
            Assert.True((bool)p["deadLetteringOnMessageExpiration"]!);
            Assert.Equal(5, (int)p["maxDeliveryCount"]!);
            Assert.Equal("PT1M", BicepTemplates.Literal(p["lockDuration"]));
            Assert.NotNull(p["defaultMessageTimeToLive"]);
        }
    }

    [Fact]
    public void TheServiceBusNamespaceIsStandardWithLocalAuthDisabled()
    {
        var ns = Assert.Single(BicepTemplates.Resources(BicepTemplates.Module("servicebus.bicep"), "Microsoft.ServiceBus/namespaces"));
        Assert.Equal("Standard", BicepTemplates.Literal(BicepTemplates.Body(ns)["sku"]!["name"]));
        Assert.True((bool)Properties(ns)["disableLocalAuth"]!);
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
        Assert.Contains("secure", file.Find("param", "sendGridApiKey")!.Decorators);
        var secret = Assert.Single(BicepTemplates.Resources(file, "Microsoft.KeyVault/vaults/secrets"));
        Assert.Equal("sendGridApiKey", BicepTemplates.Reference(Properties(secret)["value"]));
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
    public void TheFunctionAppIsFlexConsumptionWithTheCustomRuntime()
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
        Assert.Equal("Disabled", BicepTemplates.Literal(p["siteConfig"]!["ftpsState"]));

        var config = p["functionAppConfig"]!;
        Assert.Equal("custom", BicepTemplates.Literal(config["runtime"]!["name"]));
        Assert.Equal("1.0", BicepTemplates.Literal(config["runtime"]!["version"]));
        var storage = config["deployment"]!["storage"]!;
        Assert.Equal("blobContainer", BicepTemplates.Literal(storage["type"]));
        Assert.Equal("UserAssignedIdentity", BicepTemplates.Literal(storage["authentication"]!["type"]));
        Assert.Equal("identityId", BicepTemplates.Reference(storage["authentication"]!["userAssignedIdentityResourceId"]));
        Assert.Equal("instanceMemoryMB", BicepTemplates.Reference(config["scaleAndConcurrency"]!["instanceMemoryMB"]));
        Assert.Equal(2048, (int)file.Find("param", "instanceMemoryMB")!.Value!);
        Assert.NotNull(config["scaleAndConcurrency"]!["maximumInstanceCount"]);
    }
}
