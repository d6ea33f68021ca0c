using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Scheduler.Infra.Tests.Bicep;

/// <summary>main.bicep wires its modules correctly: paths, parameters, outputs, and the parameters file.</summary>
public sealed partial class ModuleWiringTests
{
    [Fact]
    public void EveryModulePathExists()
    {
        foreach (var (path, file) in BicepTemplates.All)
        {
            var folder = Path.GetDirectoryName(Path.Combine(BicepTemplates.Folder, path))!;
            foreach (var module in file.OfKind("module"))
            {
                Assert.True(File.Exists(Path.Combine(folder, module.ModulePath!)), $"{path}: module {module.Name} -> {module.ModulePath} is missing");
            }
        }
    }

    [Fact]
    public void EveryModuleGetsExactlyTheParametersItDeclares()
    {
        foreach (var module in BicepTemplates.Main.OfKind("module"))
        {
            var target = BicepTemplates.All[module.ModulePath!];
            var passed = ((JsonObject)BicepTemplates.Body(module)["params"]!).Select(p => p.Key).ToHashSet();
            var declared = target.OfKind("param").ToDictionary(p => p.Name!);
            foreach (var name in passed)
            {
                Assert.True(declared.ContainsKey(name), $"module {module.Name} passes {name}, which {module.ModulePath} does not declare");
            }

            foreach (var required in declared.Values.Where(p => p.Value is null).Select(p => p.Name!))
            {
                Assert.True(passed.Contains(required), $"module {module.Name} does not pass required parameter {required} of {module.ModulePath}");
            }
        }
    }

    [Fact]
    public void EveryModuleOutputUsedInMainIsDeclaredByThatModule()
    {
        var main = BicepTemplates.Main;
        var modules = main.OfKind("module").ToDictionary(m => m.Name!, m => BicepTemplates.All[m.ModulePath!]);
        var uses = 0;
        foreach (var expression in AllExpressions(main.Declarations.Select(d => d.Value)))
        {
            foreach (Match match in OutputReference().Matches(expression))
            {
                uses++;
                var module = match.Groups[1].Value;
                var output = match.Groups[2].Value;
                Assert.True(modules.ContainsKey(module), $"{expression} uses unknown module {module}");
                Assert.True(modules[module].Find("output", output) is not null, $"{expression}: module {module} has no output {output}");
            }
        }

        Assert.True(uses >= 10, $"expected main.bicep to use module outputs, found {uses}");
    }

    [Fact]
    public void AConditionalModulesOutputsAreReadOnlyWithSafeDereference()
    {
        var main = BicepTemplates.Main;
        var conditional = main.OfKind("module").Where(m => m.Value is JsonObject o && o["$if"] is not null).Select(m => m.Name!).ToList();
        Assert.Contains("serviceBus", conditional);
        var uses = 0;
        foreach (var expression in AllExpressions(main.Declarations.Select(d => d.Value)))
        {
            foreach (var module in conditional)
            {
                Assert.False(
                    expression.Contains($"{module}.outputs.", StringComparison.Ordinal) || expression.Contains($"{module}!.outputs.", StringComparison.Ordinal),
                    $"{expression}: {module} is deployed conditionally; read its outputs as {module}.?outputs.<name> ?? <fallback>");
                if (expression.Contains($"{module}.?outputs.", StringComparison.Ordinal))
                {
                    uses++;
                    Assert.Contains("??", expression, StringComparison.Ordinal);
                }
            }
        }

        Assert.True(uses >= 4, $"expected main.bicep to pass the Service Bus outputs on, found {uses}");
    }

    [Fact]
    public void MainHasTheOutputsOperatorsNeed()
    {
        foreach (var output in new[]
                 {
                     "functionAppName", "functionAppHostName", "functionAppUrl", "storageAccountName", "serviceBusNamespace",
                     "serviceBusTopic", "keyVaultName", "identityClientId",
                 })
        {
            Assert.NotNull(BicepTemplates.Main.Find("output", output));
        }
    }

    [Fact]
    public void MainHasTheDocumentedParametersAndDefaults()
    {
        var main = BicepTemplates.Main;
        Assert.Equal("0 0 6 * * *", BicepTemplates.Literal(main.Find("param", "sweepSchedule")!.Value));
        Assert.Equal("0 */10 * * * *", BicepTemplates.Literal(main.Find("param", "sweepRecoverySchedule")!.Value));
        Assert.Equal(6, (int)main.Find("param", "retentionYears")!.Value!);
        Assert.Equal(30, (int)main.Find("param", "linkValidDays")!.Value!);
        Assert.False((bool)main.Find("param", "enableServiceBus")!.Value!);
        Assert.False((bool)main.Find("param", "linkSigningPreviousSecretEnabled")!.Value!);
        var linkSecret = main.Find("param", "linkSigningSecret")!;
        Assert.Contains("secure", linkSecret.Decorators);
        Assert.Equal(string.Empty, BicepTemplates.Literal(linkSecret.Value));
        Assert.Equal("resourceGroup().location", BicepTemplates.Expression(main.Find("param", "location")!.Value));
        var apiKey = main.Find("param", "sendGridApiKey")!;
        Assert.Contains("secure", apiKey.Decorators);
        Assert.Equal(string.Empty, BicepTemplates.Literal(apiKey.Value));
        foreach (var name in new[] { "environmentName", "sendGridFromAddress", "operatorKeySha256", "publicBaseUrl" })
        {
            Assert.NotNull(main.Find("param", name));
        }
    }

    [Fact]
    public void TheParametersFileNamesOnlyMainParametersAndCoversTheRequiredOnes()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(BicepTemplates.Folder, "main.parameters.json")))!;
        var given = json["parameters"]!.AsObject().Select(p => p.Key).ToHashSet();
        var main = BicepTemplates.Main;
        foreach (var name in given)
        {
            Assert.True(main.Find("param", name) is not null, $"main.parameters.json sets {name}, which main.bicep does not declare");
        }

        foreach (var required in main.OfKind("param").Where(p => p.Value is null && !p.Decorators.Contains("secure")))
        {
            Assert.True(given.Contains(required.Name!), $"main.parameters.json lacks required parameter {required.Name}");
        }

        Assert.DoesNotContain("sendGridApiKey", given);
        Assert.DoesNotContain("linkSigningSecret", given);
    }

    private static IEnumerable<string> AllExpressions(IEnumerable<JsonNode?> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case JsonObject o when BicepTemplates.Expression(o) is { } text:
                    yield return text;
                    break;
                case JsonObject o:
                    foreach (var inner in AllExpressions(o.Select(p => p.Value)))
                    {
                        yield return inner;
                    }

                    break;
                case JsonArray a:
                    foreach (var inner in AllExpressions(a))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    // module.outputs.name, and the safe-dereference form module.?outputs.name used for the conditional module.
    [GeneratedRegex(@"\b([A-Za-z_][A-Za-z0-9_]*)\.\??outputs\.([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex OutputReference();
}
