using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Scheduler.Functions.Tests.Alerts;

namespace Scheduler.Functions.Tests.Sweep;

/// <summary>
/// A local HTTP server standing in for SendGrid v3 <c>POST /v3/mail/send</c>. It checks the documented wire contract
/// (<see cref="SendGridContract"/>), records every request and answers from a script per recipient, and 202 with
/// an <c>X-Message-Id</c> of <c>sg-N</c> (N = the request's number) for everything the script leaves out.
/// </summary>
internal sealed class FakeSendGrid : IAsyncDisposable
{
    public const string ApiKey = "SG.test-key";

    /// <summary>The From address the app is configured with.</summary>
    public const string FromAddress = "alerts@scheduler.example";

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Func<string, int, Reply?> _script;
    private readonly List<Received> _requests = [];
    private readonly List<string> _violations = [];
    private WireServer _server = null!;

    private FakeSendGrid(Func<string, int, Reply?> script) => _script = script;

    /// <summary>The server's base URL.</summary>
    public Uri BaseUrl => _server.BaseAddress;

    /// <summary>Every request received, in order, with the time since start and the status answered.</summary>
    public IReadOnlyList<Received> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Wire-contract violations seen (empty when every request was well-formed).</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_requests)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>The app settings that send the app's email here.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Scheduler:SendGrid:ApiKey"] = ApiKey,
        ["Scheduler:SendGrid:BaseUrl"] = BaseUrl.AbsoluteUri,
        ["Scheduler:SendGrid:FromAddress"] = FromAddress,
    };

    /// <summary>
    /// Starts the fake; <paramref name="script"/> is asked (recipient, how many requests that recipient had before)
    /// and answers null for the default 202.
    /// </summary>
    public static async Task<FakeSendGrid> StartAsync(Func<string, int, Reply?>? script = null)
    {
        var fake = new FakeSendGrid(script ?? ((_, _) => null));
        fake._server = await WireServer.StartAsync(fake.Answer);
        return fake;
    }

    /// <summary>A script that answers <paramref name="recipient"/>'s requests with <paramref name="replies"/> in turn, then 202.</summary>
    public static Func<string, int, Reply?> ForRecipient(string recipient, params Reply[] replies) =>
        (to, earlier) => to == recipient && earlier < replies.Length ? replies[earlier] : null;

    /// <summary>A SendGrid error reply.</summary>
    public static Reply Error(int status, string message, string? retryAfter = null) => new(
        status,
        JsonSerializer.Serialize(new { errors = new[] { new { message, field = (string?)null, help = (string?)null } } }),
        retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private Reply Answer(RecordedRequest request)
    {
        var problems = SendGridContract.Violations(request, ApiKey);
        var to = problems.Count == 0 ? Received.RecipientOf(request.Body) : "(unreadable)";
        lock (_requests)
        {
            _violations.AddRange(problems);
            var number = _requests.Count + 1;
            var reply = problems.Count > 0
                ? SendGridContract.Refusal(problems)
                : _script(to, _requests.Count(r => r.To == to))
                    ?? new Reply(202, Headers: new Dictionary<string, string> { ["X-Message-Id"] = "sg-" + number.ToString(CultureInfo.InvariantCulture) });
            _requests.Add(new Received(_clock.Elapsed, request.Body, reply.Status, to));
            return reply;
        }
    }

    /// <summary>One request: when it arrived, its JSON body, the status answered and the recipient.</summary>
    public sealed record Received(TimeSpan At, string Body, int Status, string To)
    {
        /// <summary>The digest key the request carried in <c>custom_args.alert_key</c>.</summary>
        public string DigestKey => JsonDocument.Parse(Body).RootElement.GetProperty("custom_args").GetProperty("alert_key").GetString()!;

        /// <summary>The plain-text body.</summary>
        public string Text => JsonDocument.Parse(Body).RootElement.GetProperty("content")[0].GetProperty("value").GetString()!;

        public static string RecipientOf(string body) =>
            JsonDocument.Parse(body).RootElement.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString()!;
    }
}
