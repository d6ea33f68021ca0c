using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;
using Scheduler.Application;
using Scheduler.Application.Alerts.Sweep;
using Scheduler.Application.Demo;
using Scheduler.Application.Ports;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Functions.Triggers;

namespace Scheduler.Functions.Tests.Sweep;

/// <summary>
/// The app (local host in process, its own tables on the shared Azurite) with the authority <c>croydon</c>, driven
/// as the platform drives it: the sweep through the <see cref="DailySweep"/> function or <c>POST /api/ops/sweep</c>,
/// dispatch by receiving the real <c>alert-dispatch</c> message and invoking the <see cref="AlertDispatch"/>
/// function (or the local host's queue pollers, with <c>triggers: true</c>). The dispatch queue and its poison
/// queue are cleared when a harness starts, since every test of the run shares them.
/// </summary>
internal sealed partial class SweepHarness : IAsyncDisposable
{
    public const string Authority = "croydon";

    private readonly AzuriteFixture _azurite;
    private readonly HttpClient _client;
    private readonly HttpClient _operator;

    private SweepHarness(AzuriteFixture azurite, TestApp app, string key)
    {
        _azurite = azurite;
        App = app;
        _client = app.Client(key);
        _operator = app.Operator();
    }

    public TestApp App { get; }

    public FakeClock Clock => App.Clock;

    /// <summary>London today on the app's clock; setting it moves the clock to noon of that day.</summary>
    public LocalDate Today
    {
        get => App.Today;
        set => App.Clock.MoveTo(value);
    }

    /// <summary>A client with croydon's key.</summary>
    public HttpClient Api => _client;

    public QueueClient DispatchQueue => _azurite.CreateQueueClient(QueueNames.AlertDispatch);

    public QueueClient PoisonQueue => _azurite.CreateQueueClient(QueueNames.Poison(QueueNames.AlertDispatch));

    /// <summary>Starts the app on <paramref name="today"/> and creates croydon with one distinct address per role, so a row's address also names its role.</summary>
    public static async Task<SweepHarness> StartAsync(
        AzuriteFixture azurite,
        LocalDate today,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        bool triggers = false,
        bool kestrel = false)
    {
        await ClearDispatchQueuesAsync(azurite);

        // The timer's schedule is an app setting the platform (and the local host) must resolve: without it the
        // local host's timer service fails and stops the host, pollers and all.
        var all = new Dictionary<string, string?>
        {
            ["Scheduler:Sweep:Schedule"] = SweepOptions.DefaultSchedule,
            ["Scheduler:Sweep:RecoverySchedule"] = SweepOptions.DefaultRecoverySchedule,
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            all[name] = value;
        }

        var app = await TestApp.StartAsync(azurite, today, all, services, triggers, kestrel);
        var key = await app.CreateAuthorityAsync(Authority, new
        {
            name = "Croydon",
            contacts = new Dictionary<string, string>
            {
                ["PO"] = "po@croydon.example",
                ["DCS"] = "dcs@croydon.example",
                ["CEX"] = "cex@croydon.example",
                ["IBC"] = "ibc@croydon.example",
                ["HOS"] = "hos@croydon.example",
                ["TM"] = "tm@croydon.example",
                ["IRO"] = "iro@croydon.example",
                ["CPC"] = "cpc@croydon.example",
            },
        });
        return new SweepHarness(azurite, app, key);
    }

    /// <summary>
    /// Starts the app on <paramref name="today"/> with the local demo seeded (<see cref="DemoSeeder"/>: the authority
    /// <c>croydon</c> with its own contacts, its 2017 episode and demo cases) and its demo key.
    /// </summary>
    public static async Task<SweepHarness> StartDemoAsync(AzuriteFixture azurite, LocalDate today, IReadOnlyDictionary<string, string?>? settings = null)
    {
        await ClearDispatchQueuesAsync(azurite);
        var app = await TestApp.StartAsync(azurite, today, settings);
        await app.Service<DemoSeeder>().SeedAsync(CancellationToken.None);
        return new SweepHarness(azurite, app, DemoSeeder.DemoKey);
    }

    /// <summary>Empties <c>alert-dispatch</c> and its poison queue, invisible (delayed) messages included.</summary>
    public static async Task ClearDispatchQueuesAsync(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        foreach (var name in new[] { QueueNames.AlertDispatch, QueueNames.Poison(QueueNames.AlertDispatch) })
        {
            var queue = azurite.CreateQueueClient(name);
            await queue.CreateIfNotExistsAsync();
            await queue.ClearMessagesAsync();
        }
    }

    /// <summary>An operator's sweep, <c>POST /api/ops/sweep</c>: its summary as the endpoint answers it.</summary>
    public async Task<SweepResult> SweepAsync()
    {
        var response = await _operator.PostAsync("/api/ops/sweep", null);
        return SweepResult.Parse(await TestApp.ReadAsync(response, HttpStatusCode.OK));
    }

    /// <summary>The timer's sweep: the <see cref="DailySweep"/> function, then its summary read back from its end-of-run log line.</summary>
    public async Task<int> TimerSweepAsync()
    {
        var before = App.Logs.Lines.Select(l => l.Message).Where(IsTimerFinish).ToHashSet(StringComparer.Ordinal);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<DailySweep>(scope.ServiceProvider).RunAsync(new TimerInfo(), CancellationToken.None);
        }

        var line = Assert.Single(App.Logs.Lines.Select(l => l.Message).Where(IsTimerFinish), m => !before.Contains(m));
        return int.Parse(NewAlerts().Match(line).Groups["n"].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The recovery timer's run: the <see cref="SweepRecovery"/> function, then its summary read back from its end-of-run log line.</summary>
    public async Task<(int Recovered, int DigestsEnqueued)> RecoveryAsync()
    {
        var before = App.Logs.Lines.Select(l => l.Message).Where(IsRecoveryFinish).ToHashSet(StringComparer.Ordinal);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<SweepRecovery>(scope.ServiceProvider).RunAsync(new TimerInfo(), CancellationToken.None);
        }

        var line = Assert.Single(App.Logs.Lines.Select(l => l.Message).Where(IsRecoveryFinish), m => !before.Contains(m));
        var match = RecoveryCounts().Match(line);
        return (int.Parse(match.Groups["r"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Waits (up to 30 s) until the app has logged a line containing <paramref name="text"/>.</summary>
    public async Task WaitForLogAsync(string text)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!App.Logs.Lines.Any(l => l.Message.Contains(text, StringComparison.Ordinal)))
        {
            Assert.False(cancel.IsCancellationRequested, $"The app did not log \"{text}\" within 30 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>Every alert-ledger row of croydon.</summary>
    public async Task<List<AlertLedgerEntry>> LedgerRowsAsync()
    {
        var rows = new List<AlertLedgerEntry>();
        await foreach (var row in App.Service<IAlertLedger>().ListAsync(Authority, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The keys of croydon's open (pending or queued) alerts.</summary>
    public async Task<List<string>> OpenKeysAsync()
    {
        var keys = new List<string>();
        await foreach (var key in App.Service<IAlertLedger>().ListOpenKeysAsync(Authority, CancellationToken.None))
        {
            keys.Add(key);
        }

        return keys;
    }

    public async Task<AlertLedgerEntry> LedgerRowAsync(DigestAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var row = await App.Service<IAlertLedger>().GetAsync(alert.Authority, alert.Key, CancellationToken.None);
        Assert.NotNull(row);
        return row;
    }

    /// <summary>Receives and deletes every visible message on the dispatch queue.</summary>
    public async Task<List<Digest>> DrainDigestsAsync()
    {
        var all = new List<Digest>();
        while (true)
        {
            var batch = (await DispatchQueue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
            if (batch.Length == 0)
            {
                return all;
            }

            foreach (var m in batch)
            {
                all.Add(Digest.Parse(m.Body.ToString()));
                await DispatchQueue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            }
        }
    }

    /// <summary>
    /// Receives every visible dispatch message, keeps the one for <paramref name="recipient"/> (hidden for
    /// <paramref name="visibility"/>, as a consumer holds it) and deletes the rest.
    /// </summary>
    public Task<QueueMessage> ReceiveDigestForAsync(string recipient, TimeSpan visibility) =>
        ReceiveDigestAsync(d => d.Recipient == recipient, $"the digest for {recipient}", visibility);

    /// <summary>
    /// Receives every visible dispatch message, keeps the first that <paramref name="pick"/> accepts (hidden for
    /// <paramref name="visibility"/>, as a consumer holds it) and deletes the rest.
    /// </summary>
    public async Task<QueueMessage> ReceiveDigestAsync(Func<Digest, bool> pick, string what, TimeSpan visibility)
    {
        ArgumentNullException.ThrowIfNull(pick);
        QueueMessage? kept = null;
        while (true)
        {
            var batch = (await DispatchQueue.ReceiveMessagesAsync(32, visibility)).Value;
            if (batch.Length == 0)
            {
                return kept ?? throw new InvalidOperationException($"No message on {QueueNames.AlertDispatch} is {what}.");
            }

            foreach (var m in batch)
            {
                if (kept is null && pick(Digest.Parse(m.Body.ToString())))
                {
                    kept = m;
                }
                else
                {
                    await DispatchQueue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                }
            }
        }
    }

    /// <summary>Receives the next visible dispatch message (waiting up to <paramref name="timeout"/> for one).</summary>
    public async Task<QueueMessage> ReceiveNextAsync(TimeSpan visibility, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var batch = (await DispatchQueue.ReceiveMessagesAsync(1, visibility)).Value;
            if (batch.Length == 1)
            {
                return batch[0];
            }

            Assert.False(cancel.IsCancellationRequested, $"No message became visible on {QueueNames.AlertDispatch} within {timeout}.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// One delivery as the platform makes it: the <see cref="AlertDispatch"/> function on the message, then the
    /// message deleted if the function completed. A function that throws leaves it to reappear, and the exception
    /// is rethrown to the test.
    /// </summary>
    public async Task DeliverAsync(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await ActivatorUtilities.CreateInstance<AlertDispatch>(scope.ServiceProvider).RunAsync(message, CancellationToken.None);
        }

        await DispatchQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
    }

    /// <summary>Delivers every visible dispatch message, one at a time as the platform would, until the queue is empty.</summary>
    public async Task DispatchAllAsync()
    {
        while (true)
        {
            var batch = (await DispatchQueue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;
            if (batch.Length == 0)
            {
                return;
            }

            foreach (var message in batch)
            {
                await DeliverAsync(message);
            }
        }
    }

    /// <summary>The outbox's emails of one sweep day (file names start with <c>digest.yyyyMMdd</c>), by file name.</summary>
    public Dictionary<string, MimeMessage> OutboxEmails(LocalDate sweepDay)
    {
        var directory = App.Service<IOutbox>().Directory;
        var prefix = "digest." + sweepDay.ToString("uuuuMMdd", CultureInfo.InvariantCulture);
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, prefix + "*.eml").ToDictionary(f => Path.GetFileName(f)!, f => MimeMessage.Load(f), StringComparer.Ordinal)
            : [];
    }

    /// <summary>The poison envelopes on <c>alert-dispatch-poison</c> (peeked, left in place).</summary>
    public async Task<List<JsonObject>> PoisonAsync() =>
        [.. (await PoisonQueue.PeekMessagesAsync(32)).Value.Select(m => JsonNode.Parse(m.Body.ToString())!.AsObject())];

    /// <summary>Posts an episode or case request as croydon and asserts it was accepted.</summary>
    public async Task PostAsync(string path, object body)
    {
        var response = await _client.PostAsync($"/api/authorities/{Authority}/{path}", TestApp.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"POST {path}: {(int)response.StatusCode} {text}");
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        _operator.Dispose();
        var outbox = App.Service<IOutbox>().Directory;
        await App.DisposeAsync();
        if (Directory.Exists(outbox))
        {
            Directory.Delete(outbox, recursive: true);
        }
    }

    private static bool IsTimerFinish(string message) => message.Contains("(timer) finished", StringComparison.Ordinal);

    private static bool IsRecoveryFinish(string message) => message.StartsWith("Recovery ", StringComparison.Ordinal) && message.Contains("(recovery) finished", StringComparison.Ordinal);

    [GeneratedRegex(@"(?<r>\d+) alerts taken over, (?<d>\d+) digests enqueued")]
    private static partial Regex RecoveryCounts();

    [GeneratedRegex(@"(?<n>\d+) new alerts")]
    private static partial Regex NewAlerts();
}

/// <summary>What <c>POST /api/ops/sweep</c> answers, read field by field as docs/alerts.md documents it.</summary>
internal sealed record SweepResult(
    string Trigger,
    LocalDate Today,
    LocalDate? LastSuccessfulDay,
    IReadOnlyList<LocalDate> EvaluatedDays,
    int FirstSight,
    int NewAlerts,
    int AlreadyRecorded,
    int Recovered,
    int DigestsEnqueued,
    int DigestsFailed,
    LocalDate? Watermark,
    int? RetentionAuditRowsDeleted)
{
    public static SweepResult Parse(JsonObject o) => new(
        o["trigger"]!.GetValue<string>(),
        Date(o["today"])!.Value,
        Date(o["lastSuccessfulDay"]),
        [.. o["evaluatedDays"]!.AsArray().Select(d => Date(d)!.Value)],
        o["firstSight"]!.GetValue<int>(),
        o["newAlerts"]!.GetValue<int>(),
        o["alreadyRecorded"]!.GetValue<int>(),
        o["recovered"]!.GetValue<int>(),
        o["digestsEnqueued"]!.GetValue<int>(),
        o["digestsFailed"]!.GetValue<int>(),
        Date(o["watermark"]),
        o["retentionAuditRowsDeleted"]?.GetValue<int>());

    private static LocalDate? Date(JsonNode? node) => node is null ? null : LocalDatePattern.Iso.Parse(node.GetValue<string>()).GetValueOrThrow();
}

/// <summary>One ledger row a digest names.</summary>
internal sealed record DigestAlert(string Authority, string Key);

/// <summary>
/// An <c>alert-dispatch</c> message read as docs/alerts.md documents it:
/// <c>{"digestKey","recipient","sweepDay","alerts":[{"authority","key"}],"attempt"}</c> and nothing else.
/// </summary>
internal sealed record Digest(string DigestKey, string Recipient, LocalDate SweepDay, IReadOnlyList<DigestAlert> Alerts, int Attempt)
{
    public static Digest Parse(string text)
    {
        var o = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(["alerts", "attempt", "digestKey", "recipient", "sweepDay"], o.Select(p => p.Key).Order(StringComparer.Ordinal));
        return new Digest(
            o["digestKey"]!.GetValue<string>(),
            o["recipient"]!.GetValue<string>(),
            LocalDatePattern.Iso.Parse(o["sweepDay"]!.GetValue<string>()).GetValueOrThrow(),
            [.. o["alerts"]!.AsArray().Select(a =>
            {
                Assert.Equal(["authority", "key"], a!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
                return new DigestAlert(a["authority"]!.GetValue<string>(), a["key"]!.GetValue<string>());
            })],
            o["attempt"]!.GetValue<int>());
    }
}
