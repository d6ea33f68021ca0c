using Microsoft.Playwright;

namespace Scheduler.Functions.Tests.Browser;

/// <summary>
/// Debian's headless Chromium (<c>/usr/bin/chromium</c>, installed by scripts/install-deps) driven by Playwright for
/// .NET, with a new empty profile per browser. Playwright's own browser download is never used; a machine without
/// Chromium fails the test with the install command rather than skipping it.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private Chromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    /// <summary>The browser's one context (its cookies are the profile's).</summary>
    public IBrowserContext Context { get; }

    /// <summary>Starts Chromium with a fresh profile.</summary>
    public static async Task<Chromium> StartAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: run scripts/install-deps as root (it runs apt-get install -y chromium).");
        var profile = Directory.CreateTempSubdirectory("scheduler-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
                Locale = "en-GB",
                ViewportSize = new ViewportSize { Width = 390, Height = 844 }, // a phone
                JavaScriptEnabled = false,
            });
            return new Chromium(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A new tab.</summary>
    public Task<IPage> NewPageAsync() => Context.NewPageAsync();

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; the temp folder is the system's to clean.
        }
    }
}
