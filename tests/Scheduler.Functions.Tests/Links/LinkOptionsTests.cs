using Scheduler.Application.Alerts.Links;

namespace Scheduler.Functions.Tests.Links;

/// <summary>The start-up rules for the signing secret: each refusal names the setting, and only a local run falls back to the development secret.</summary>
public sealed class LinkOptionsTests
{
    private const string Good = "a-secret-that-is-long-enough-to-sign-links-0123";
    private static readonly LinkHost Azure = new(InAzure: true, LoopbackBaseUrl: false, DevelopmentSignal: false);
    private static readonly LinkHost LocalDemo = new(InAzure: false, LoopbackBaseUrl: true, DevelopmentSignal: true);
    private static readonly LinkHost LocalPlain = new(InAzure: false, LoopbackBaseUrl: true, DevelopmentSignal: false);

    private static string? Problem(LinkHost host, string? secret, string? previous = null, bool allowDevelopment = false) =>
        LinkKeys.Problem(new LinkOptions { Secret = secret, PreviousSecret = previous, AllowDevelopmentSecret = allowDevelopment }, host);

    [Fact]
    public void A_good_secret_is_accepted_and_an_empty_previous_secret_means_none()
    {
        Assert.Null(Problem(Azure, Good));
        Assert.Null(Problem(Azure, Good, string.Empty));
        Assert.Null(Problem(Azure, Good, "   "));
        var keys = LinkKeys.Resolve(new LinkOptions { Secret = Good, PreviousSecret = string.Empty }, Azure);
        Assert.Null(keys.Previous);
        Assert.False(keys.IsDevelopment);
    }

    [Fact]
    public void An_unresolved_key_vault_reference_is_refused_naming_the_setting()
    {
        var reference = "@Microsoft.KeyVault(SecretUri=https://kv-sched.vault.azure.net/secrets/LinkSigningSecret)";
        Assert.StartsWith("Scheduler__Links__Secret is a Key Vault reference", Problem(Azure, reference), StringComparison.Ordinal);
        Assert.StartsWith("Scheduler__Links__PreviousSecret is a Key Vault reference", Problem(Azure, Good, reference), StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_shorter_than_32_bytes_is_refused_naming_the_setting()
    {
        Assert.Equal(
            "Scheduler__Links__Secret is 31 bytes long; it must be at least 32 (for example openssl rand -base64 48).",
            Problem(Azure, new string('x', 31)));
        Assert.Null(Problem(Azure, new string('x', 32)));
        // Bytes, not characters: 16 two-byte characters are 32 bytes.
        Assert.Null(Problem(Azure, new string('é', 16)));
        Assert.StartsWith("Scheduler__Links__PreviousSecret is 5 bytes long", Problem(Azure, Good, "short"), StringComparison.Ordinal);
    }

    [Fact]
    public void No_secret_is_refused_except_in_a_local_run_which_signs_with_the_published_development_secret()
    {
        Assert.StartsWith("Scheduler__Links__Secret is not set", Problem(Azure, null), StringComparison.Ordinal);
        Assert.StartsWith("Scheduler__Links__Secret is not set", Problem(LocalPlain, string.Empty), StringComparison.Ordinal);
        Assert.StartsWith("Scheduler__Links__Secret is not set", Problem(new LinkHost(InAzure: false, LoopbackBaseUrl: false, DevelopmentSignal: true), null), StringComparison.Ordinal);
        Assert.StartsWith("Scheduler__Links__Secret is not set", Problem(new LinkHost(InAzure: true, LoopbackBaseUrl: true, DevelopmentSignal: true), null, allowDevelopment: true), StringComparison.Ordinal);

        Assert.Null(Problem(LocalDemo, null));
        Assert.Null(Problem(LocalPlain, null, allowDevelopment: true));
        var keys = LinkKeys.Resolve(new LinkOptions(), LocalDemo);
        Assert.True(keys.IsDevelopment);
        Assert.Equal(LinkOptions.DevelopmentSecret, System.Text.Encoding.UTF8.GetString(keys.Current));
    }

    [Fact]
    public void The_development_secret_set_explicitly_outside_a_local_run_is_refused()
    {
        Assert.Contains("published development secret", Problem(Azure, LinkOptions.DevelopmentSecret), StringComparison.Ordinal);
        Assert.Contains("published development secret", Problem(Azure, Good, LinkOptions.DevelopmentSecret), StringComparison.Ordinal);
        Assert.Null(Problem(LocalDemo, LinkOptions.DevelopmentSecret));
    }

    [Theory]
    [InlineData("http://127.0.0.1:7071", true)]
    [InlineData("http://localhost:7071", true)]
    [InlineData("http://[::1]:7071", true)]
    [InlineData("https://func-scheduler-prod.azurewebsites.net", false)]
    [InlineData("http://10.0.0.4", false)]
    [InlineData("", false)]
    public void Only_loopback_base_urls_count_as_local(string url, bool loopback) => Assert.Equal(loopback, LinkHost.IsLoopback(url));
}
