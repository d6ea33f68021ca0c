using System.Text.RegularExpressions;
using System.Xml.Linq;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Host;

/// <summary>
/// The layers point one way: Domain (pure) ← Application (use cases and ports: no Azure SDK, no ASP.NET Core) ←
/// Infrastructure and Functions. And the custom handler is gone: no REST client, no function.json, no handler code.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string[] AzureOrAspNet = ["Azure.", "Microsoft.Azure.", "Microsoft.AspNetCore", "Microsoft.Extensions.Azure"];

    private static string Root => AzuriteFixture.FindRepoRoot();

    [Fact]
    public void Application_project_references_neither_an_azure_sdk_nor_aspnet_core()
    {
        var project = XDocument.Load(Path.Combine(Root, "src", "Application", "Scheduler.Application.csproj"));
        var packages = project.Descendants("PackageReference").Select(e => (string)e.Attribute("Include")!).ToList();
        Assert.NotEmpty(packages);
        Assert.DoesNotContain(packages, p => AzureOrAspNet.Any(prefix => p.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(project.Descendants("FrameworkReference"), e => ((string)e.Attribute("Include")!).StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Equal(
            ["Scheduler.Contracts.csproj", "Scheduler.Domain.csproj", "Scheduler.Returns.csproj"],
            project.Descendants("ProjectReference").Select(e => Path.GetFileName((string)e.Attribute("Include")!)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_compiled_application_assembly_references_neither_an_azure_sdk_nor_aspnet_core()
    {
        var referenced = typeof(Scheduler.Application.QueueNames).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("Scheduler.Domain", referenced);
        Assert.DoesNotContain(referenced, a => AzureOrAspNet.Any(prefix => a.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(referenced, a => a is "SendGrid" or "MimeKit" or "Scheduler.Infrastructure" or "Scheduler.Functions" or "System.Net.Http");
    }

    [Fact]
    public void Application_source_speaks_no_http_status_codes()
    {
        var offending = SourceFiles("src", "Application")
            .Where(f => HttpWords().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Root, f))
            .ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void Domain_references_only_nodatime_and_does_no_io()
    {
        var project = XDocument.Load(Path.Combine(Root, "src", "Domain", "Scheduler.Domain.csproj"));
        Assert.Equal(["NodaTime"], project.Descendants("PackageReference").Select(e => (string)e.Attribute("Include")!));
        Assert.Empty(project.Descendants("ProjectReference"));
        Assert.Empty(project.Descendants("FrameworkReference"));

        var referenced = typeof(Scheduler.Domain.Rules.RuleSets).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("NodaTime", referenced);
        string[] io = ["System.Net", "System.IO", "System.Diagnostics.Process", "System.Console", "System.Data", "Microsoft.", "Azure."];
        Assert.All(referenced, a => Assert.False(io.Any(prefix => a.StartsWith(prefix, StringComparison.Ordinal)), $"Domain references {a}"));

        var calls = SourceFiles("src", "Domain").Where(f => IoCalls().IsMatch(File.ReadAllText(f))).Select(f => Path.GetRelativePath(Root, f)).ToList();
        Assert.Empty(calls);
    }

    [Fact]
    public void Nothing_in_src_reads_the_wall_clock()
    {
        var offending = SourceFiles("src").Where(f => WallClock().IsMatch(File.ReadAllText(f))).Select(f => Path.GetRelativePath(Root, f)).ToList();
        Assert.Empty(offending);
    }

    [Fact]
    public void No_custom_handler_is_left_no_function_json_no_rest_client()
    {
        Assert.False(Directory.Exists(Path.Combine(Root, "functions")), "the custom handler's functions/ folder is back");
        var functionJson = Directory.EnumerateFiles(Path.Combine(Root, "src"), "function.json", SearchOption.AllDirectories).Where(NotBuildOutput).ToList();
        Assert.Empty(functionJson);

        var handler = SourceFiles("src").Where(f => HandlerCode().IsMatch(File.ReadAllText(f))).Select(f => Path.GetRelativePath(Root, f)).ToList();
        Assert.Empty(handler);

        // Storage and Service Bus are reached through the official SDKs only: no request signing, no REST headers.
        // Action links are signed with HMAC-SHA256 by design (docs/alerts.md, Action links): not a REST signature.
        var links = Path.Combine("src", "Application", "Alerts", "Links") + Path.DirectorySeparatorChar;
        var rest = SourceFiles("src").Where(f => RestClientCode().IsMatch(File.ReadAllText(f))).Select(f => Path.GetRelativePath(Root, f))
            .Where(f => !f.StartsWith(links, StringComparison.Ordinal)).ToList();
        Assert.Empty(rest);

        var functions = XDocument.Load(Path.Combine(Root, "src", "Functions", "Scheduler.Functions.csproj"));
        Assert.Contains(functions.Descendants("PackageReference"), e => (string)e.Attribute("Include")! == "Microsoft.Azure.Functions.Worker");
        Assert.Contains(functions.Descendants("PackageReference"), e => (string)e.Attribute("Include")! == "Microsoft.Azure.Functions.Worker.Sdk");
    }

    private static IEnumerable<string> SourceFiles(params string[] folder) =>
        Directory.EnumerateFiles(Path.Combine([Root, .. folder]), "*.cs", SearchOption.AllDirectories).Where(NotBuildOutput);

    private static bool NotBuildOutput(string path) =>
        !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    [GeneratedRegex(@"\bHttpStatusCode\b|\bStatusCodes\.|\bSystem\.Net\.Http\b|\bMicrosoft\.AspNetCore\b|\busing Azure\b")]
    private static partial Regex HttpWords();

    [GeneratedRegex(@"\b(File|Directory|HttpClient|Socket|TcpClient|Process|Console|Environment)\.[A-Z]|\bnew (FileStream|HttpClient|FileInfo|DirectoryInfo)\b")]
    private static partial Regex IoCalls();

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b")]
    private static partial Regex WallClock();

    [GeneratedRegex(@"FUNCTIONS_CUSTOMHANDLER_PORT|customHandler|InvocationRequest|InvocationResult|""Outputs""|""ReturnValue""", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerCode();

    [GeneratedRegex(@"x-ms-(date|version|client-request-id)|SharedKey(Lite)?\b|HMACSHA256|\$batch|/messages\?|DataServiceVersion", RegexOptions.IgnoreCase)]
    private static partial Regex RestClientCode();
}
