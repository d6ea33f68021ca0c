using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime.Text;
using Scheduler.Application.Ports;
using Scheduler.Benchmarks.Storage.Dataset;
using Scheduler.Benchmarks.Storage.Hosting;
using Scheduler.Domain.Children;
using Scheduler.Domain.Events;
using SubjectKind = Scheduler.Domain.Alerts.SubjectKind;

namespace Scheduler.Benchmarks.Storage.Measurements;

/// <summary>
/// The HTTP API on Kestrel (loopback), driven by <see cref="HttpClient"/> at concurrency 1, 4 and 16 for a bounded
/// time each: GET an episode calendar, GET a work list, POST an event to a case (a different case each time). Then
/// 16 writers post distinct events to one case at once, retrying a 409 as a client should, and the case's events
/// are counted.
/// </summary>
public static class ApiLoad
{
    private static readonly int[] Concurrencies = [1, 4, 16];

    /// <summary>Runs every scenario against <paramref name="app"/>, whose dataset <paramref name="authorities"/> describes.</summary>
    public static async Task RunAsync(
        BenchApp app, Report report, CaseGenerator generator, IReadOnlyList<SeededAuthority> authorities, int activeCases, TimeSpan duration, int writerEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(authorities);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var today = generator.Today;
        var posted = 0;

        Func<int, HttpRequestMessage> calendar = i =>
        {
            var a = authorities[i % authorities.Count];
            return Request(HttpMethod.Get, $"api/authorities/{a.Code}/episodes/{a.EpisodeId}/calendar", a.Key);
        };
        Func<int, HttpRequestMessage> worklist = i =>
        {
            var a = authorities[i % authorities.Count];
            return Request(HttpMethod.Get, $"api/authorities/{a.Code}/worklist?days=10", a.Key);
        };
        Func<int, HttpRequestMessage> postEvent = _ =>
        {
            var n = Interlocked.Increment(ref posted) - 1;
            var index = n % activeCases;
            var a = authorities[index % authorities.Count];
            var synthetic = generator.Create(a.Code, index, CaseClass.Active);
            var type = synthetic.Type == CaseType.ChildProtection ? EventTypes.CpVisitMade : EventTypes.StatutoryVisitMade;
            var request = Request(HttpMethod.Post, $"api/authorities/{a.Code}/cases/{synthetic.CaseRef}/events", a.Key);
            request.Content = Json(new Dictionary<string, string> { ["id"] = $"load-{n}", ["type"] = type, ["date"] = LocalDatePattern.Iso.Format(today) });
            return request;
        };

        foreach (var (name, make) in new[] { ("get-calendar", calendar), ("get-worklist", worklist), ("post-event", postEvent) })
        {
            foreach (var concurrency in Concurrencies)
            {
                var result = await DriveAsync(http, make, concurrency, duration, cancellationToken).ConfigureAwait(false);
                report.Add(
                    $"api.{name}.c{concurrency}",
                    $"p50 {result.Percentile(0.50):F1} ms, p95 {result.Percentile(0.95):F1} ms, {result.PerSecond:F1} req/s ({result.Count} requests, {result.Failures} not 2xx{result.FailureNote})",
                    result.Load);
            }
        }

        await ConcurrentWritersAsync(app, http, report, generator, authorities, activeCases, writerEvents, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>16 writers × <paramref name="perWriter"/> distinct events on one case at once; then the case's events are counted.</summary>
    private static async Task ConcurrentWritersAsync(
        BenchApp app,
        HttpClient http, Report report, CaseGenerator generator, IReadOnlyList<SeededAuthority> authorities, int activeCases, int perWriter, CancellationToken cancellationToken)
    {
        const int writers = 16;
        var total = writers * perWriter;

        // A looked-after case that started long enough ago for every event to have its own past date.
        var index = Enumerable.Range(0, activeCases)
            .First(i => i % 2 == 1 && generator.Create(authorities[i % authorities.Count].Code, i, CaseClass.Active).Events.Min(e => e.Date) < generator.Today.PlusDays(-total - 30));
        var authority = authorities[index % authorities.Count];
        var synthetic = generator.Create(authority.Code, index, CaseClass.Active);
        var path = $"api/authorities/{authority.Code}/cases/{synthetic.CaseRef}";
        var conflicts = 0;
        var accepted = 0;
        var replays = 0;
        var failures = new ConcurrentBag<string>();
        var load = Report.Load1();
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(
            async () =>
            {
                for (var k = 0; k < perWriter; k++)
                {
                    var n = (w * perWriter) + k;
                    var body = new Dictionary<string, string>
                    {
                        ["id"] = $"writer-{w:D2}-{k:D3}",
                        ["type"] = EventTypes.StatutoryVisitMade,
                        ["date"] = LocalDatePattern.Iso.Format(generator.Today.PlusDays(-n)),
                    };
                    for (var attempt = 1; ; attempt++)
                    {
                        using var request = Request(HttpMethod.Post, path + "/events", authority.Key);
                        request.Content = Json(body);
                        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                        if (response.StatusCode == HttpStatusCode.Conflict && attempt < 20)
                        {
                            // 409: the case kept changing under the other writers; nothing was recorded. Retry, as a client should.
                            Interlocked.Increment(ref conflicts);
                            await Task.Delay(Random.Shared.Next(5, 50), cancellationToken).ConfigureAwait(false);
                            continue;
                        }

                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            Interlocked.Increment(ref accepted);
                        }
                        else if (response.StatusCode == HttpStatusCode.OK)
                        {
                            Interlocked.Increment(ref replays);
                        }
                        else
                        {
                            failures.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
                        }

                        break;
                    }
                }
            },
            cancellationToken))).ConfigureAwait(false);
        sw.Stop();

        using var get = Request(HttpMethod.Get, path, authority.Key);
        using var read = await http.SendAsync(get, cancellationToken).ConfigureAwait(false);
        var node = await read.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
        var ids = node?["events"]?.AsArray().Select(e => e?["id"]?.GetValue<string>()).Where(id => id?.StartsWith("writer-", StringComparison.Ordinal) == true).ToList() ?? [];
        var distinct = ids.Distinct(StringComparer.Ordinal).Count();
        var expected = Enumerable.Range(0, writers).SelectMany(w => Enumerable.Range(0, perWriter).Select(k => $"writer-{w:D2}-{k:D3}")).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Count(id => !ids.Contains(id));

        // The due-date index must match the case's final version (each write's sync re-reads and repeats up to 4 passes).
        var subject = await app.Service<ISubjectStore>().GetAsync(SubjectKind.Case, authority.Code, synthetic.CaseRef, cancellationToken).ConfigureAwait(false);
        var indexed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var key in app.Service<IDueIndexStore>().ListKeysAsync(authority.Code, cancellationToken).ConfigureAwait(false))
        {
            if (key.Contains($"|case|{synthetic.CaseRef}|", StringComparison.Ordinal))
            {
                indexed.Add(key);
            }
        }

        var expectedKeys = subject?.IndexKeys.ToHashSet(StringComparer.Ordinal) ?? [];
        report.Add(
            "api.writers16.one-case",
            $"{total} events posted by 16 writers in {sw.Elapsed.TotalSeconds:F1} s: {accepted} created, {replays} replays, {conflicts} 409s retried, {failures.Count} failed; stored {ids.Count} ({distinct} distinct), missing {missing}, doubled {ids.Count - distinct}: {(missing == 0 && ids.Count == total && failures.IsEmpty ? "no event lost" : "EVENTS LOST")}",
            load);
        report.Add(
            "api.writers16.index",
            $"version {subject?.Version}; {expectedKeys.Count} open milestones, {indexed.Count} index rows: {(indexed.SetEquals(expectedKeys) ? "index matches the case" : $"STALE ({indexed.Except(expectedKeys).Count()} extra, {expectedKeys.Except(indexed).Count()} missing)")}");
        foreach (var failure in failures.Take(3))
        {
            Report.Note($"    failure: {failure}");
        }
    }

    private static async Task<LoadResult> DriveAsync(HttpClient http, Func<int, HttpRequestMessage> make, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        // A short unmeasured warm-up at the same concurrency, then the measured window.
        await RunWindowAsync(http, make, concurrency, TimeSpan.FromSeconds(Math.Min(3, duration.TotalSeconds / 4)), cancellationToken).ConfigureAwait(false);
        var load = Report.Load1();
        var result = await RunWindowAsync(http, make, concurrency, duration, cancellationToken).ConfigureAwait(false);
        return result with { Load = $"{load}->{Report.Load1()}" };
    }

    private static async Task<LoadResult> RunWindowAsync(HttpClient http, Func<int, HttpRequestMessage> make, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var firstFailure = (string?)null;
        var counter = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(
            async () =>
            {
                while (sw.Elapsed < duration)
                {
                    using var request = make(Interlocked.Increment(ref counter));
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!response.IsSuccessStatusCode && Interlocked.Increment(ref failures) == 1)
                    {
                        firstFailure = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}";
                    }
                }
            },
            cancellationToken))).ConfigureAwait(false);
        return new LoadResult([.. latencies.Order()], sw.Elapsed, failures, firstFailure, string.Empty);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string key)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", key);
        return request;
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>One measured window.</summary>
    private sealed record LoadResult(double[] Sorted, TimeSpan Elapsed, int Failures, string? FirstFailure, string Load)
    {
        public int Count => Sorted.Length;

        public double PerSecond => Count / Math.Max(Elapsed.TotalSeconds, 1e-9);

        public string FailureNote => FirstFailure is null ? string.Empty : $"; first: {FirstFailure[..Math.Min(160, FirstFailure.Length)]}";

        public double Percentile(double p) => Sorted.Length == 0 ? double.NaN : Sorted[Math.Min(Sorted.Length - 1, (int)Math.Ceiling(p * Sorted.Length) - 1)];
    }
}
