using Azure.Core;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Scheduler.Domain.Alerts.Composition;

namespace Scheduler.Functions.Tests.Alerts;

/// <summary>Stands in for Entra ID, which cannot run here: a fixed token, and a record of the scopes asked for.</summary>
internal sealed class FixedTokenCredential(string token, Exception? failure = null) : TokenCredential
{
    public List<string[]> Requests { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        Issue(requestContext);

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Issue(requestContext));

    private AccessToken Issue(TokenRequestContext context)
    {
        Requests.Add(context.Scopes);
        return failure is null ? new AccessToken(token, DateTimeOffset.MaxValue) : throw failure;
    }
}

internal static class Samples
{
    public static readonly Instant Now = Instant.FromUtc(2017, 12, 14, 6, 0, 0);

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
        });

    public static NullLogger<T> Log<T>() => NullLogger<T>.Instance;
}
