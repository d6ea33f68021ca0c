using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using Scheduler.Domain.Alerts.Composition;

namespace Scheduler.Functions.Tests.Alerts;

/// <summary>Sample values shared by the delivery tests.</summary>
internal static class Samples
{
    /// <summary>Thu 14 Dec 2017 06:00 UTC, the moment of the sample sweep.</summary>
    public static readonly Instant Now = Instant.FromUtc(2017, 12, 14, 6, 0, 0);

    /// <summary>An email as the composer shapes one (its headers are the ones docs/alerts.md lists), written by hand.</summary>
    public static EmailMessage Email(string subject = "1 overdue: Review conference — Croydon child cases") => new(
        "po@croydon.example",
        "alerts@scheduler.example",
        subject,
        "Line one\nLine two — with a dash\n",
        "<p>Line one</p>\n<p>Line two &mdash; with a dash</p>\n",
        "digest.20171214.0123456789abcdef0123456789abcdef",
        new Dictionary<string, string>
        {
            ["Message-ID"] = "<digest.20171214.0123456789abcdef0123456789abcdef@scheduler.example>",
            ["X-Scheduler-Digest-Key"] = "digest.20171214.0123456789abcdef0123456789abcdef",
            ["Auto-Submitted"] = "auto-generated",
            ["X-Auto-Response-Suppress"] = "All",
            ["List-Id"] = "Scheduler alerts <alerts.scheduler.example>",
        });

    /// <summary>A clock stopped at <see cref="Now"/>.</summary>
    public static FakeClock Clock() => new(Now);

    public static NullLogger<T> Log<T>() => NullLogger<T>.Instance;

    /// <summary>
    /// The app's own composition root (<c>AddScheduler</c>) over in-memory settings, with a fixed clock: the adapters
    /// exactly as the app wires them (named HTTP client, options, selection), without starting a host.
    /// </summary>
    public static ServiceProvider Services(IReadOnlyDictionary<string, string?> settings, IClock? clock = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddScheduler(configuration);
        services.Replace(ServiceDescriptor.Singleton(clock ?? Clock()));
        return services.BuildServiceProvider();
    }
}
