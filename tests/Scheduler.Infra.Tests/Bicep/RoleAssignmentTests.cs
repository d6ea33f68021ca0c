using System.Text.Json.Nodes;

namespace Scheduler.Infra.Tests.Bicep;

/// <summary>Role assignments grant the managed identity the built-in roles it needs, each on a resource the templates define.</summary>
public sealed class RoleAssignmentTests
{
    // Built-in role definition ids, from the Azure built-in roles reference (the same in every tenant).
    private static readonly Dictionary<string, string> BuiltInRoles = new()
    {
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Storage Table Data Contributor",
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Storage Queue Data Contributor",
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Storage Blob Data Owner",
        ["69a216fc-b8fb-44d8-bc22-1f3c2cd27a39"] = "Azure Service Bus Data Sender",
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "Key Vault Secrets User",
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
    };

    private static readonly (string Role, string ScopeType)[] Expected =
    [
        ("Storage Table Data Contributor", "Microsoft.Storage/storageAccounts"),
        ("Storage Queue Data Contributor", "Microsoft.Storage/storageAccounts"),
        ("Storage Blob Data Owner", "Microsoft.Storage/storageAccounts"),
        ("Azure Service Bus Data Sender", "Microsoft.ServiceBus/namespaces/topics"),
        ("Key Vault Secrets User", "Microsoft.KeyVault/vaults"),
        ("Monitoring Metrics Publisher", "Microsoft.Insights/components"),
    ];

    private static BicepFile Roles => BicepTemplates.Module("roles.bicep");

    private static List<(BicepDeclaration Assignment, string Role, BicepDeclaration Scope)> Assignments()
    {
        var file = Roles;
        var roleIds = (JsonObject)file.Find("var", "roleIds")!.Value!;
        var result = new List<(BicepDeclaration, string, BicepDeclaration)>();
        foreach (var assignment in BicepTemplates.Resources(file, "Microsoft.Authorization/roleAssignments"))
        {
            var body = BicepTemplates.Body(assignment);
            var scopeName = BicepTemplates.Reference(body["scope"]) ?? throw new InvalidOperationException($"{assignment.Name} has no scope");
            var scope = file.Find("resource", scopeName) ?? throw new InvalidOperationException($"{assignment.Name}: scope {scopeName} is not a resource in roles.bicep");
            var roleExpression = BicepTemplates.Expression(((JsonObject)body["properties"]!)["roleDefinitionId"])!;
            var key = roleExpression.Split("roleIds.")[1].TrimEnd(')');
            var roleId = BicepTemplates.Literal(roleIds[key])!;
            result.Add((assignment, BuiltInRoles.GetValueOrDefault(roleId, $"unknown role {roleId}"), scope));
        }

        return result;
    }

    [Fact]
    public void EveryAssignmentUsesAKnownBuiltInRoleOnAResourceDefinedInTheTemplates()
    {
        var assignments = Assignments();
        Assert.NotEmpty(assignments);
        foreach (var (assignment, role, scope) in assignments)
        {
            Assert.DoesNotContain("unknown", role);
            Assert.True(scope.Existing, $"{assignment.Name}: scope {scope.Name} should be an existing-resource reference");
            var nameParam = BicepTemplates.Reference(BicepTemplates.Body(scope)["name"])!;
            Assert.NotNull(Roles.Find("param", nameParam));
            Assert.Contains(nameParam, BicepTemplates.Body(BicepTemplates.Main.Find("module", "roles")!)["params"]!.AsObject().Select(p => p.Key));

            var typeDefinedSomewhere = BicepTemplates.All
                .Where(f => f.Key != "modules/roles.bicep")
                .SelectMany(f => f.Value.OfKind("resource"))
                .Any(r => !r.Existing && r.Type == scope.Type);
            Assert.True(typeDefinedSomewhere, $"{assignment.Name}: no template creates a {scope.Type}");
        }
    }

    [Fact]
    public void EveryAssignmentTargetsTheManagedIdentityAsAServicePrincipalWithADeterministicName()
    {
        foreach (var (assignment, _, scope) in Assignments())
        {
            var body = BicepTemplates.Body(assignment);
            var properties = (JsonObject)body["properties"]!;
            Assert.Equal("principalId", BicepTemplates.Reference(properties["principalId"]));
            Assert.Equal("ServicePrincipal", BicepTemplates.Literal(properties["principalType"]));
            var name = BicepTemplates.Expression(body["name"])!;
            Assert.StartsWith($"guid({scope.Name}.id, principalId, roleIds.", name, StringComparison.Ordinal);
        }

        Assert.NotNull(Roles.Find("param", "principalId"));
        var passed = BicepTemplates.Body(BicepTemplates.Main.Find("module", "roles")!)["params"]!["principalId"];
        Assert.Equal("identity.outputs.principalId", BicepTemplates.Expression(passed));
        Assert.Equal("modules/identity.bicep", BicepTemplates.Main.Find("module", "identity")!.ModulePath);
        Assert.NotNull(BicepTemplates.Module("identity.bicep").Find("output", "principalId"));
        Assert.Single(BicepTemplates.Resources(BicepTemplates.Module("identity.bicep"), "Microsoft.ManagedIdentity/userAssignedIdentities"));
    }

    [Fact]
    public void TheIdentityHoldsExactlyTheRolesItNeeds()
    {
        var granted = Assignments().Select(a => (a.Role, a.Scope.Type!.Split('@')[0])).Order().ToList();
        Assert.Equal(Expected.Order().ToList(), granted);
    }

    [Fact]
    public void OnlyTheServiceBusSenderDependsOnTheIntegrationBeingEnabled()
    {
        foreach (var (assignment, role, scope) in Assignments())
        {
            var condition = assignment.Value!["$if"];
            if (role == "Azure Service Bus Data Sender")
            {
                Assert.Equal("(enableServiceBus)", BicepTemplates.Literal(condition?["condition"]));
                Assert.Equal("(enableServiceBus)", BicepTemplates.Literal(scope.Value!["$if"]?["condition"]));
                var topic = BicepTemplates.Body(scope);
                var ns = Roles.Find("resource", BicepTemplates.Reference(topic["parent"])!)!;
                Assert.Equal("Microsoft.ServiceBus/namespaces", ns.Type!.Split('@')[0]);
                Assert.True(ns.Existing);
            }
            else
            {
                Assert.True(condition is null, $"{assignment.Name} ({role}) must not be conditional");
            }
        }

        var enable = Roles.Find("param", "enableServiceBus")!;
        Assert.False((bool)enable.Value!);
        var passed = BicepTemplates.Body(BicepTemplates.Main.Find("module", "roles")!)["params"]!;
        Assert.Equal("enableServiceBus", BicepTemplates.Reference(passed["enableServiceBus"]));
        Assert.Equal("serviceBus.?outputs.topicName ?? ''", BicepTemplates.Expression(passed["serviceBusTopicName"]));
        Assert.Equal("serviceBus.?outputs.name ?? ''", BicepTemplates.Expression(passed["serviceBusNamespaceName"]));
    }

    [Fact]
    public void TheFunctionAppWaitsForItsRoleAssignments()
    {
        var functionApp = BicepTemplates.Body(BicepTemplates.Main.Find("module", "functionApp")!);
        var dependsOn = functionApp["dependsOn"]!.AsArray().Select(BicepTemplates.Reference);
        Assert.Contains("roles", dependsOn);
    }
}
