using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Children;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Oversight;
using Scheduler.Domain.Rules;
using Scheduler.Functions.Alerts;
using Scheduler.Functions.Application;
using Scheduler.Functions.State;
using Scheduler.Functions.Storage;
using Scheduler.Functions.Sweep;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Sweep;

/// <summary>A clock set to a London day (07:00, just after the 06:00 UTC sweep), stepped by the test without sleeping.</summary>
internal sealed class SteppedClock : IClock
{
    public LocalDate Today { get; set; } = new(2017, 9, 4);

    /// <summary>Time past 07:00 on <see cref="Today"/> (lease tests move it forward within a day).</summary>
    public Duration Offset { get; set; } = Duration.Zero;

    public Instant GetCurrentInstant() => Today.At(new LocalTime(7, 0)).InZoneLeniently(LondonTime.Zone).ToInstant() + Offset;
}

/// <summary>
/// Real Azurite tables (behind a unique name prefix, so tests sharing the instance stay apart), a unique dispatch
/// queue, the real stores and a sweep runner built exactly as the app builds it.
/// </summary>
internal sealed class SweepHarness
{
    public const string Authority = "croydon";

    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private readonly AzuriteFixture _azurite;

    public SweepHarness(AzuriteFixture azurite, StorageClientOptions? storageOptions = null, string? prefix = null)
    {
        _azurite = azurite;
        Prefix = prefix ?? azurite.UniqueName("s");
        Tables = new SchedulerTables(new TableServiceClient(azurite.Connection, storageOptions), Prefix);
        Subjects = new SubjectStore(Tables);
        Writer = new DueIndexWriter(Tables, Subjects, NullLogger<DueIndexWriter>.Instance);
        Reader = new DueIndexReader(Tables, Subjects, Writer, NullLogger<DueIndexReader>.Instance);
        Authorities = new AuthorityStore(Tables);
        Acknowledgements = new AcknowledgementStore(Tables);
        Ledger = new AlertLedgerStore(Tables);
        State = new SweepStateStore(Tables);
        Options = new SweepOptions { DispatchQueue = azurite.UniqueName("dispatch") };
        Sender = new StorageQueueMessageSender(azurite.Connection, NullLogger<StorageQueueMessageSender>.Instance);
    }

    public string Prefix { get; }

    public SchedulerTables Tables { get; }

    public SubjectStore Subjects { get; }

    public DueIndexWriter Writer { get; }

    public DueIndexReader Reader { get; }

    public AuthorityStore Authorities { get; }

    public AcknowledgementStore Acknowledgements { get; }

    public AlertLedgerStore Ledger { get; }

    public SweepStateStore State { get; }

    public SweepOptions Options { get; }

    public IMessageSender Sender { get; }

    public SteppedClock Clock { get; } = new();

    public QueueClient DispatchQueue => _azurite.CreateQueueClient(Options.DispatchQueue);

    public async Task InitializeAsync()
    {
        await Tables.EnsureCreatedAsync(CancellationToken.None);
        await Tables.AlertLedger.CreateIfNotExistsAsync();
        await Tables.SweepState.CreateIfNotExistsAsync();
    }

    public SweepRunner Runner(SweepOptions? options = null) => new(
        Clock, Tables, Reader, Authorities, Acknowledgements, Ledger, State,
        new RetentionPurger(Tables, Microsoft.Extensions.Options.Options.Create(new Scheduler.Functions.Host.SchedulerOptions())), Sender,
        Microsoft.Extensions.Options.Options.Create(options ?? Options), NullLogger<SweepRunner>.Instance);

    public Task<SweepSummary> SweepAsync(SweepOptions? options = null) => Runner(options).SweepAsync("test", CancellationToken.None);

    /// <summary>Croydon with one distinct address per role, so a row's address also names its role.</summary>
    public Task AddCroydonAsync() => Authorities.SaveAsync(new AuthorityRecord
    {
        Code = Authority,
        Name = "Croydon",
        Contacts = new Dictionary<Role, IReadOnlyList<string>>
        {
            [Role.PO] = ["po@croydon.example"],
            [Role.DCS] = ["dcs@croydon.example"],
            [Role.CEX] = ["cex@croydon.example"],
            [Role.IBC] = ["ibc@croydon.example"],
            [Role.HOS] = ["hos@croydon.example"],
            [Role.TM] = ["tm@croydon.example"],
            [Role.IRO] = ["iro@croydon.example"],
            [Role.CPC] = ["cpc@croydon.example"],
        },
    }, CancellationToken.None);

    /// <summary>Writes (or rewrites) an episode from its facts, as the application does: milestones, then the index.</summary>
    public Task PutEpisodeAsync(string id, OversightFacts facts) =>
        PutAsync(StoredSubjectKind.Episode, id, facts.Framework,
            OversightCalendar.Compute(facts, AuthorityParameters.Default, Calendar, Calendar, Clock.Today), new Dictionary<Role, string>());

    /// <summary>Writes (or rewrites) a case from its facts, with its named assignees.</summary>
    public Task PutCaseAsync(ChildCaseFacts facts, IReadOnlyDictionary<Role, string> assignees) =>
        PutAsync(StoredSubjectKind.Case, facts.CaseReference, facts.Type.ToString(),
            ChildCaseCalendar.Compute(facts, AuthorityParameters.Default, Calendar, Calendar, Clock.Today), assignees);

    public async Task<List<AlertLedgerEntry>> LedgerRowsAsync(string authority = Authority)
    {
        var rows = new List<AlertLedgerEntry>();
        await foreach (var row in Ledger.ListAsync(authority, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Receives and deletes every message on the dispatch queue.</summary>
    public async Task<List<DispatchMessage>> DrainDigestsAsync()
    {
        var queue = DispatchQueue;
        await queue.CreateIfNotExistsAsync();
        var all = new List<DispatchMessage>();
        while (true)
        {
            var batch = await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30));
            if (batch.Count == 0)
            {
                return all;
            }

            foreach (var m in batch)
            {
                all.Add(DispatchMessage.Parse(m.MessageText));
                await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
            }
        }
    }

    private async Task PutAsync(StoredSubjectKind kind, string id, string variant, IReadOnlyList<Milestone> milestones, IReadOnlyDictionary<Role, string> assignees)
    {
        var previous = await Subjects.GetAsync(kind, Authority, id, CancellationToken.None);
        using var facts = JsonDocument.Parse("{}");
        var next = new SubjectRecord
        {
            Authority = Authority,
            Kind = kind,
            Id = id,
            Variant = variant,
            Facts = facts.RootElement.Clone(),
            Assignees = assignees,
            Milestones = [.. milestones.Select(StoredMilestone.From)],
            Version = (previous?.Version ?? 0) + 1,
            CreatedAt = Clock.GetCurrentInstant(),
            UpdatedAt = Clock.GetCurrentInstant(),
            ETag = previous?.ETag ?? default,
        };
        next = DueIndexRows.WithIndexKeys(next, previous);
        var written = previous is null
            ? await Subjects.AddAsync(next, CancellationToken.None)
            : await Subjects.ReplaceAsync(next, CancellationToken.None);
        await Writer.SyncAsync(written, CancellationToken.None);
    }
}
