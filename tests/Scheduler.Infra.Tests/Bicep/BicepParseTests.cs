namespace Scheduler.Infra.Tests.Bicep;

/// <summary>Every template parses with the Bicep grammar, and the grammar rejects broken files.</summary>
public sealed class BicepParseTests
{
    [Fact]
    public void TheTemplatesExist()
    {
        Assert.Contains("main.bicep", BicepTemplates.All.Keys);
        foreach (var module in new[] { "identity", "storage", "servicebus", "keyvault", "monitoring", "functionapp", "roles" })
        {
            Assert.Contains($"modules/{module}.bicep", BicepTemplates.All.Keys);
        }
    }

    [Fact]
    public void EveryBicepFileParsesWithoutSyntaxErrors()
    {
        var failures = BicepTemplates.All
            .Where(f => !f.Value.Ok)
            .Select(f => $"{f.Key}: {string.Join("; ", f.Value.Errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"))}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void MainTargetsAResourceGroup()
    {
        var scope = Assert.Single(BicepTemplates.Main.OfKind("targetScope"));
        Assert.Equal("resourceGroup", BicepTemplates.Literal(scope.Value));
    }

    [Theory]
    [InlineData("unbalanced brace", "param a string\nresource s 'Microsoft.Storage/storageAccounts@2023-05-01' = {\n  name: 'a'\n")]
    [InlineData("unbalanced bracket", "var names = [\n  'a'\n  'b'\n")]
    [InlineData("unterminated string", "var x = 'abc\n")]
    [InlineData("unterminated interpolation", "param p string\nvar x = 'a${p'\n")]
    [InlineData("declaration keyword typo", "parm a string\n")]
    [InlineData("property without value", "var o = {\n  a:\n}\n")]
    public void TheParserRejectsABrokenFile(string what, string source)
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.bicep");
        File.WriteAllText(path, source);
        try
        {
            var file = Assert.Single(BicepParser.Parse([path]));
            Assert.False(file.Ok, $"{what}: the grammar accepted {source}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RemovingOneClosingBraceFromMainIsCaught()
    {
        var source = File.ReadAllText(Path.Combine(BicepTemplates.Folder, "main.bicep"));
        var cut = source.IndexOf("\n}\n", StringComparison.Ordinal);
        Assert.True(cut > 0);
        var path = Path.Combine(Path.GetTempPath(), $"main-broken-{Guid.NewGuid():N}.bicep");
        File.WriteAllText(path, source.Remove(cut + 1, 2));
        try
        {
            Assert.False(Assert.Single(BicepParser.Parse([path])).Ok);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
