using System.Diagnostics;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Scheduler.Application.Authorities;
using Scheduler.Application.Subjects;
using Scheduler.Benchmarks.Storage.Hosting;

namespace Scheduler.Benchmarks.Storage.Dataset;

/// <summary>One seeded authority: its code, its API key and its oversight episode.</summary>
public sealed record SeededAuthority(string Code, string Key, string EpisodeId);

/// <summary>What one seeding pass did and how fast.</summary>
public sealed record SeedResult(int Cases, int Failed, TimeSpan Elapsed, TimeSpan HarnessCpu, TimeSpan? StorageCpu, string LoadBefore, string LoadAfter)
{
    /// <summary>Cases created per second of wall time.</summary>
    public double Rate => Cases / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Loads the dataset through the application layer, exactly as the API does it: authorities with
/// <see cref="AuthorityService.PutAsync"/> (plus a key and one oversight episode each) and cases with
/// <see cref="CaseService.CreateAsync"/>, which for every case validates the body, computes its milestones, inserts
/// the row conditionally, syncs its due-index rows and appends an audit entry. Cases go in batches of
/// <c>parallelism</c> concurrent creations (one case per call: the application has no bulk path, and a bulk path
/// would skip the per-case rules this benchmark is meant to exercise).
/// </summary>
public sealed class Seeder(BenchApp app, BenchStorage storage, CaseGenerator generator)
{
    private const string Actor = "benchmark-seeder";

    /// <summary>Authority codes <c>la-001</c>…: the same code for the same number in every run.</summary>
    public static string CodeOf(int number) => $"la-{number:D3}";

    /// <summary>Creates <paramref name="count"/> authorities with contacts, a key and an ILACS episode each.</summary>
    public async Task<IReadOnlyList<SeededAuthority>> AuthoritiesAsync(int count, CancellationToken cancellationToken)
    {
        var authorities = app.Service<AuthorityService>();
        var episodes = app.Service<EpisodeService>();
        var result = new List<SeededAuthority>(count);
        for (var number = 1; number <= count; number++)
        {
            var code = CodeOf(number);
            var body = JsonSerializer.SerializeToElement(new
            {
                name = $"Benchmark authority {number:D3}",
                contacts = new Dictionary<string, string>
                {
                    ["PO"] = $"po@{code}.example",
                    ["DCS"] = $"dcs@{code}.example",
                    ["HOS"] = $"hos@{code}.example",
                    ["CEX"] = $"cex@{code}.example",
                    ["IBC"] = $"ibc@{code}.example",
                },
            });
            await authorities.PutAsync(code, body, Actor, cancellationToken).ConfigureAwait(false);
            var key = await authorities.IssueKeyAsync(code, new IssueKeyRequest("benchmark"), Actor, cancellationToken).ConfigureAwait(false);
            var episode = await episodes.CreateAsync(code, EpisodeBody(number), Actor, cancellationToken).ConfigureAwait(false);
            result.Add(new SeededAuthority(code, key.Key, episode.Subject.Id));
        }

        return result;
    }

    /// <summary>
    /// Creates cases <paramref name="first"/>…<paramref name="first"/>+<paramref name="count"/>−1 of a class, spread
    /// round-robin over the authorities, <paramref name="parallelism"/> at a time; prints progress every 30 s.
    /// </summary>
    public async Task<SeedResult> CasesAsync(
        IReadOnlyList<SeededAuthority> authorities, CaseClass cls, int first, int count, int parallelism, CancellationToken cancellationToken)
    {
        var cases = app.Service<CaseService>();
        var loadBefore = Report.Load1();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var storageBefore = storage.CpuTime();
        var done = 0;
        var failed = 0;
        var sw = Stopwatch.StartNew();
        using var progress = new Timer(
            _ => Report.Note($"    … {Volatile.Read(ref done):N0}/{count:N0} {cls} cases, {Volatile.Read(ref done) / sw.Elapsed.TotalSeconds:F0}/s, load {Report.Load1()}, storage RSS {storage.TableResidentMiB()} MiB"),
            null,
            TimeSpan.FromSeconds(30),
            TimeSpan.FromSeconds(30));
        await Parallel.ForEachAsync(
            Enumerable.Range(first, count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var synthetic = generator.Create(authorities[index % authorities.Count].Code, index, cls);
                try
                {
                    await cases.CreateAsync(synthetic.Authority, synthetic.CaseRef, synthetic.Body(), Actor, ct).ConfigureAwait(false);
                    Interlocked.Increment(ref done);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    if (Interlocked.Increment(ref failed) <= 5)
                    {
                        Report.Note($"    case {synthetic.Authority}/{synthetic.CaseRef} failed: {ex.GetType().Name}: {ex.Message}");
                    }
                }
            }).ConfigureAwait(false);
        sw.Stop();
        return new SeedResult(
            done, failed, sw.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpuBefore, storage.KnowsCpu ? storage.CpuTime() - storageBefore : null, loadBefore, Report.Load1());
    }

    private JsonElement EpisodeBody(int number)
    {
        // An ILACS "inadequate" judgement received 4–20 months ago, published within three weeks, the action plan in.
        var random = new Random(generator.Seed + number);
        var received = generator.Today.PlusDays(-random.Next(120, 600));
        var published = received.PlusDays(random.Next(10, 20));
        var plan = published.PlusDays(random.Next(40, 90));
        var events = new List<object>();
        if (plan < generator.Today)
        {
            events.Add(new Dictionary<string, string> { ["type"] = "action_plan_submitted", ["date"] = Iso(plan) });
        }

        return JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["framework"] = "ilacs",
            ["report_received"] = Iso(received),
            ["report_published"] = Iso(published),
            ["events"] = events,
        });
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
