using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NodaTime;
using Scheduler.Application.Alerts;
using Scheduler.Application.Alerts.Sweep;
using Scheduler.Application.Audit;
using Scheduler.Application.Authorities;
using Scheduler.Application.Ports;
using Scheduler.Application.Subjects;
using Scheduler.Application.Subjects.DueIndex;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Rules;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Infrastructure.Storage;
using Scheduler.Infrastructure.Tables;

namespace Scheduler.Functions.Tests.State;

/// <summary>
/// The table adapters on Azure.Data.Tables against Azurite: what the hand-written REST client's tests used to
/// prove and still matters: conditional writes mapped to <see cref="StoreConflictException"/>, the alert ledger's
/// entity-group transactions, long values chunked across properties, filters that stay filters whatever the
/// input, and the table prefix keeping apps apart.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableAdapterTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly Instant At = Instant.FromUtc(2017, 12, 12, 6, 0);
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 12));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_replace_with_a_stale_etag_is_a_conflict_and_changes_nothing()
    {
        var store = _app.Service<IAuthorityStore>();
        var code = TestApp.NewAuthority();
        var created = await store.SaveAsync(new AuthorityRecord { Code = code, Name = "First", Version = 1, CreatedAt = At, UpdatedAt = At }, default);
        Assert.False(string.IsNullOrEmpty(created.ETag));

        var moved = await store.SaveAsync(created with { Name = "Second", Version = 2 }, default);
        Assert.NotEqual(created.ETag, moved.ETag);

        // The first read's ETag no longer matches: 412 on the wire, a conflict at the port.
        var stale = await Assert.ThrowsAsync<StoreConflictException>(() => store.SaveAsync(created with { Name = "Stale", Version = 2 }, default));
        Assert.False(stale.AlreadyExists);
        var stored = (await store.GetAsync(code, default))!;
        Assert.Equal("Second", stored.Name);
        Assert.Equal(moved.ETag, stored.ETag);

        // The current ETag still works.
        Assert.Equal("Third", (await store.SaveAsync(stored with { Name = "Third", Version = 3 }, default)).Name);
    }

    [Fact]
    public async Task A_replace_of_a_row_deleted_meanwhile_is_a_conflict_not_an_insert()
    {
        var store = _app.Service<ISubjectStore>();
        var code = TestApp.NewAuthority();
        var added = await store.AddAsync(Subject(code, "CP-D", events: 1), default);
        await _app.Service<SchedulerTables>().Subjects(SubjectKind.Case).DeleteEntityAsync(code, "CP-D");

        var refused = await Assert.ThrowsAsync<StoreConflictException>(() => store.ReplaceAsync(added with { Version = 2 }, default));
        Assert.False(refused.AlreadyExists);
        Assert.Null(await store.GetAsync(SubjectKind.Case, code, "CP-D", default));
    }

    [Fact]
    public async Task An_insert_of_a_taken_key_is_a_conflict_marked_already_exists()
    {
        var subjects = _app.Service<ISubjectStore>();
        var code = TestApp.NewAuthority();
        await subjects.AddAsync(Subject(code, "CP-T", events: 1), default);
        var subject = await Assert.ThrowsAsync<StoreConflictException>(() => subjects.AddAsync(Subject(code, "CP-T", events: 2), default));
        Assert.True(subject.AlreadyExists);
        Assert.Single((await subjects.GetAsync(SubjectKind.Case, code, "CP-T", default))!.Events);

        var keys = _app.Service<IApiKeyStore>();
        var key = new ApiKeyRecord("k1", new string('a', 64), code, At, "operator");
        await keys.AddAsync(key, default);
        Assert.True((await Assert.ThrowsAsync<StoreConflictException>(() => keys.AddAsync(key with { KeyId = "k2" }, default))).AlreadyExists);
        Assert.Equal("k1", (await keys.FindByHashAsync(key.Sha256, default))!.KeyId);
    }

    [Fact]
    public async Task Of_two_first_sweeps_finishing_together_exactly_one_moves_the_watermark()
    {
        // The SweepState row is one per app (per table prefix): use a fresh app so there is no row yet.
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 12));
        var state = app.Service<ISweepStateStore>();
        var read = await state.GetAsync(default);
        Assert.Null(read.ETag);

        var results = await Task.WhenAll(
            state.TryAdvanceAsync(read, new LocalDate(2017, 12, 12), At, "run-a", default),
            state.TryAdvanceAsync(read, new LocalDate(2017, 12, 13), At, "run-b", default));

        Assert.Equal(1, results.Count(r => r));
        var after = await state.GetAsync(default);
        Assert.Equal(results[0] ? "run-a" : "run-b", after.LastRunId);

        // A second advance from the old read (no ETag: an insert) is refused too.
        Assert.False(await state.TryAdvanceAsync(read, new LocalDate(2017, 12, 14), At, "run-c", default));
        Assert.True(await state.TryAdvanceAsync(after, new LocalDate(2017, 12, 14), At, "run-d", default));
    }

    [Fact]
    public async Task The_ledger_inserts_the_row_and_its_open_marker_together_or_not_at_all()
    {
        var ledger = _app.Service<IAlertLedger>();
        var table = _app.Service<SchedulerTables>().AlertLedger;
        var code = TestApp.NewAuthority();
        var entry = Ledger(code, "CP-1");

        var recorded = await ledger.TryRecordAsync(entry, default);
        Assert.NotNull(recorded);
        Assert.False(string.IsNullOrEmpty(recorded.ETag));
        Assert.Equal(new[] { entry.Key }, await ToListAsync(ledger.ListOpenKeysAsync(code, default)));
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>(code, AlertLedgerEntity.MarkerKey(entry.Key))).HasValue);

        // Recording the same key again (a second sweep) writes nothing.
        Assert.Null(await ledger.TryRecordAsync(entry with { Recipient = "changed@example.org" }, default));
        Assert.Equal(entry.Recipient, (await ledger.GetAsync(code, entry.Key, default))!.Recipient);

        // A marker left without its row makes the whole transaction fail: the row is not written either.
        var orphan = Ledger(code, "CP-2");
        await table.AddEntityAsync(AlertLedgerEntity.Marker(orphan));
        Assert.Null(await ledger.TryRecordAsync(orphan, default));
        Assert.Null(await ledger.GetAsync(code, orphan.Key, default));

        // Listing rows skips the markers.
        Assert.Equal(new[] { entry.Key }, (await ToListAsync(ledger.ListAsync(code, default))).Select(e => e.Key));
    }

    [Fact]
    public async Task Settling_writes_the_final_status_and_removes_the_marker_in_one_transaction()
    {
        var ledger = _app.Service<IAlertLedger>();
        var code = TestApp.NewAuthority();
        var recorded = (await ledger.TryRecordAsync(Ledger(code, "CP-3"), default))!;
        var queued = (await ledger.TryUpdateAsync(recorded with { Status = LedgerStatus.Queued, DigestKey = "d1", EnqueuedAt = At }, default))!;
        Assert.NotEqual(recorded.ETag, queued.ETag);

        // An update from the stale read loses: null, nothing written.
        Assert.Null(await ledger.TryUpdateAsync(recorded with { Status = LedgerStatus.Queued, DigestKey = "d2" }, default));
        Assert.Equal("d1", (await ledger.GetAsync(code, recorded.Key, default))!.DigestKey);

        // Settling from the stale read fails whole: the marker stays and the status is unchanged.
        Assert.False(await ledger.TrySettleAsync(recorded with { Status = LedgerStatus.Sent, SentAt = At }, default));
        Assert.Equal(new[] { recorded.Key }, await ToListAsync(ledger.ListOpenKeysAsync(code, default)));
        Assert.Equal(LedgerStatus.Queued, (await ledger.GetAsync(code, recorded.Key, default))!.Status);

        Assert.True(await ledger.TrySettleAsync(queued with { Status = LedgerStatus.Sent, SentAt = At, ProviderId = "p-1" }, default));
        Assert.Empty(await ToListAsync(ledger.ListOpenKeysAsync(code, default)));
        var sent = (await ledger.GetAsync(code, recorded.Key, default))!;
        Assert.Equal(LedgerStatus.Sent, sent.Status);
        Assert.Equal("p-1", sent.ProviderId);

        // Settling again (a redelivered dispatch): the marker is gone, so the transaction fails and the row stays as it was.
        Assert.False(await ledger.TrySettleAsync(sent with { Status = LedgerStatus.Failed, FailureReason = "late" }, default));
        Assert.Equal(LedgerStatus.Sent, (await ledger.GetAsync(code, recorded.Key, default))!.Status);
        await Assert.ThrowsAsync<ArgumentException>(() => ledger.TrySettleAsync(sent with { Status = LedgerStatus.Queued }, default));
    }

    [Fact]
    public async Task A_subject_longer_than_one_property_holds_is_chunked_on_its_row_and_read_back_whole()
    {
        var store = _app.Service<ISubjectStore>();
        var code = TestApp.NewAuthority();
        var subject = Subject(code, "CP-LONG", events: 200);
        var added = await store.AddAsync(subject, default);

        var raw = (await _app.Service<SchedulerTables>().Subjects(SubjectKind.Case).GetEntityAsync<TableEntity>(code, "CP-LONG")).Value;
        var chunks = raw.GetInt32("EventsChunks")!.Value;
        var serialised = string.Concat(Enumerable.Range(0, chunks).Select(i => raw.GetString(i == 0 ? "Events" : $"Events_{i}")));
        Assert.True(serialised.Length > 64 * 1024, $"only {serialised.Length} characters: the test must exceed one property's 64 KiB");
        Assert.True(chunks >= 3, $"{chunks} chunks");

        // Table Storage holds at most 64 KiB (32,768 UTF-16 characters) in one string property.
        Assert.All(raw.Where(p => p.Value is string), p => Assert.True(((string)p.Value).Length <= 32 * 1024, $"{p.Key}: {((string)p.Value).Length}"));

        var read = (await store.GetAsync(SubjectKind.Case, code, "CP-LONG", default))!;
        Assert.Equal(subject.Events.Select(e => (e.Id, e.Payload.GetRawText())), read.Events.Select(e => (e.Id, e.Payload.GetRawText())));

        // And a replace of the long row is still one conditional write.
        var replaced = await store.ReplaceAsync(read with { Version = 2, Events = [.. read.Events.Take(3)] }, default);
        Assert.Equal(3, (await store.GetAsync(SubjectKind.Case, code, "CP-LONG", default))!.Events.Count);
        await Assert.ThrowsAsync<StoreConflictException>(() => store.ReplaceAsync(added with { Version = 2 }, default));
        Assert.NotEqual(added.ETag, replaced.ETag);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ChunkedProperty.ChunkLength)]
    [InlineData(ChunkedProperty.ChunkLength + 1)]
    [InlineData((3 * ChunkedProperty.ChunkLength) - 1)]
    public async Task Chunked_values_round_trip_through_the_table_at_the_chunk_boundaries(int length)
    {
        var table = _app.Service<SchedulerTables>().AuditLog;
        var value = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))));
        var entity = new TableEntity("chunks", $"n{length}");
        ChunkedProperty.Write(entity, "Value", value);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace);

        var read = (await table.GetEntityAsync<TableEntity>("chunks", $"n{length}")).Value;
        Assert.Equal(value, ChunkedProperty.Read(read, "Value"));
        Assert.Equal(Math.Max(1, (length + ChunkedProperty.ChunkLength - 1) / ChunkedProperty.ChunkLength), read.GetInt32("ValueChunks"));
    }

    [Fact]
    public async Task A_character_outside_the_basic_plane_on_a_chunk_boundary_is_not_split()
    {
        var table = _app.Service<SchedulerTables>().AuditLog;

        // U+1F600 is two UTF-16 code units; put it across the first boundary, and non-ASCII text either side.
        var value = new string('é', ChunkedProperty.ChunkLength - 1) + "\U0001F600" + "ü";
        var entity = new TableEntity("chunks", "surrogates");
        ChunkedProperty.Write(entity, "Value", value);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace);

        var read = (await table.GetEntityAsync<TableEntity>("chunks", "surrogates")).Value;
        Assert.Equal(value, ChunkedProperty.Read(read, "Value"));
    }

    [Fact]
    public async Task Long_audit_values_round_trip()
    {
        var audit = _app.Service<IAuditLog>();
        var code = TestApp.NewAuthority();
        var before = JsonSerializer.Serialize(Enumerable.Range(0, 4000).Select(i => new { i, field = "before" }));
        var after = JsonSerializer.Serialize(Enumerable.Range(0, 5000).Select(i => new { i, field = "after" }));
        Assert.True(after.Length > 2 * ChunkedProperty.ChunkLength);
        await audit.AppendAsync(new AuditEntry { Authority = code, Actor = "test", Operation = "case.updated", EntityType = "case", EntityKey = "CP-A", Before = before, After = after, At = At }, default);

        var entry = Assert.Single(await ToListAsync(audit.ReadMonthAsync(code, At, default)));
        Assert.Equal(before, entry.Before);
        Assert.Equal(after, entry.After);
    }

    [Theory]
    [InlineData("' or 1 eq 1 or 'a' eq 'a")]
    [InlineData("x' or PartitionKey ne '")]
    [InlineData("la-a' or RowKey ne 'zz")]
    public async Task Filters_built_from_input_stay_filters_whatever_the_input(string hostile)
    {
        var code = TestApp.NewAuthority();
        var acknowledgements = _app.Service<IAcknowledgementStore>();
        await acknowledgements.UpsertAsync(new AcknowledgementRecord(code, "alert-1", "tm@example.org", "in hand", new LocalDate(2017, 12, 12), null, At), default);
        var keys = _app.Service<IApiKeyStore>();
        await keys.AddAsync(new ApiKeyRecord("k-" + code, Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), code, At, "operator"), default);
        var ledger = _app.Service<IAlertLedger>();
        await ledger.TryRecordAsync(Ledger(code, "CP-F"), default);
        await _app.Service<IDueIndexStore>().UpsertAsync([IndexRow(code)], default);
        await _app.Service<IAuditLog>().AppendAsync(new AuditEntry { Authority = code, Actor = "t", Operation = "o", EntityType = "case", EntityKey = "CP-F", At = At }, default);

        // Each of these would match every row if the input were pasted into the filter text.
        Assert.Empty(await ToListAsync(acknowledgements.ListAsync(hostile, default)));
        Assert.Empty(await ToListAsync(keys.ListAsync(hostile, default)));
        Assert.Empty(await ToListAsync(ledger.ListAsync(hostile, default)));
        Assert.Empty(await ToListAsync(ledger.ListOpenKeysAsync(hostile, default)));
        Assert.Empty(await ToListAsync(_app.Service<IDueIndexStore>().ListKeysAsync(hostile, default)));
        Assert.Empty(await ToListAsync(_app.Service<IAuditLog>().ReadMonthAsync(hostile, At, default)));

        // While the honest query still finds the rows.
        Assert.Single(await ToListAsync(acknowledgements.ListAsync(code, default)));
        Assert.Single(await ToListAsync(keys.ListAsync(code, default)));
        Assert.Single(await ToListAsync(ledger.ListOpenKeysAsync(code, default)));
        Assert.Single(await ToListAsync(_app.Service<IDueIndexStore>().ListKeysAsync(code, default)));
        Assert.Single(await ToListAsync(_app.Service<IAuditLog>().ReadMonthAsync(code, At, default)));
    }

    [Fact]
    public async Task A_quote_in_a_key_is_matched_exactly()
    {
        var acknowledgements = _app.Service<IAcknowledgementStore>();
        var plain = "obrien-" + Guid.NewGuid().ToString("N")[..8];
        var quoted = "o'" + plain;
        await acknowledgements.UpsertAsync(new AcknowledgementRecord(quoted, "alert-q", "tm@example.org", "it's in hand", new LocalDate(2017, 12, 12), null, At), default);
        await acknowledgements.UpsertAsync(new AcknowledgementRecord(plain, "alert-p", "tm@example.org", "in hand", new LocalDate(2017, 12, 12), null, At), default);

        var found = Assert.Single(await ToListAsync(acknowledgements.ListAsync(quoted, default)));
        Assert.Equal("alert-q", found.AlertKey);
        Assert.Equal("it's in hand", found.Reason);
        Assert.Equal("alert-p", Assert.Single(await ToListAsync(acknowledgements.ListAsync(plain, default))).AlertKey);
    }

    [Fact]
    public async Task Apps_with_different_table_prefixes_see_none_of_each_others_rows()
    {
        var service = _app.Service<TableServiceClient>();
        var mine = _app.Service<SchedulerTables>();
        var prefix = "iso" + Guid.NewGuid().ToString("N")[..10];
        var theirs = new SchedulerTables(service, Options.Create(new StorageOptions { TablePrefix = prefix }));
        await theirs.EnsureCreatedAsync(default);

        var code = TestApp.NewAuthority();
        await new SubjectStore(theirs).AddAsync(Subject(code, "CP-P", events: 1), default);

        Assert.Null(await new SubjectStore(mine).GetAsync(SubjectKind.Case, code, "CP-P", default));
        Assert.NotNull(await new SubjectStore(theirs).GetAsync(SubjectKind.Case, code, "CP-P", default));

        // Every contract table exists under each prefix, and the names are exactly prefix + contract name.
        var names = new List<string>();
        await foreach (var table in service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "~"}")))
        {
            names.Add(table.Name);
        }

        Assert.Equal(TableNames.All.Select(n => prefix + n).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Equal(_app.TablePrefix + "Cases", mine.Subjects(SubjectKind.Case).Name);
    }

    private static SubjectRecord Subject(string authority, string id, int events)
    {
        using var facts = JsonDocument.Parse("""{"type":"CP"}""");
        return new SubjectRecord
        {
            Authority = authority,
            Kind = SubjectKind.Case,
            Id = id,
            Variant = "CP",
            Facts = facts.RootElement.Clone(),
            Events = [.. Enumerable.Range(1, events).Select(i =>
            {
                using var payload = JsonDocument.Parse(JsonSerializer.Serialize(new { type = "cp_visit_made", date = "2017-10-02", note = new string('x', 480) + i }));
                return new RecordedEvent($"e-{i:D4}", payload.RootElement.Clone(), At, "test");
            })],
            Version = 1,
            CreatedAt = At,
            UpdatedAt = At,
        };
    }

    private static AlertLedgerEntry Ledger(string authority, string subjectId)
    {
        var alert = new AlertCandidate
        {
            SubjectKind = SubjectKind.Case,
            AuthorityCode = authority,
            SubjectId = subjectId,
            Rule = "icpc_15wd",
            Sequence = 1,
            Title = "Initial child protection conference",
            Group = RuleGroup.OfstedPostInspection,
            Due = new LocalDate(2017, 12, 11),
            Effective = new LocalDate(2017, 12, 11),
            Level = AlertLevel.Overdue,
            Renotify = 0,
            TriggerDay = new LocalDate(2017, 12, 12),
            RecipientRole = Role.DCS,
            DaysOverdue = 1,
        };
        return new AlertLedgerEntry
        {
            Key = alert.KeyFor("dcs@" + authority + ".example"),
            Alert = alert,
            Recipient = "dcs@" + authority + ".example",
            SweepDay = new LocalDate(2017, 12, 12),
            RecordedAt = At,
        };
    }

    private static DueIndexRow IndexRow(string authority) => new()
    {
        Authority = authority,
        SubjectKind = SubjectKind.Case,
        SubjectId = "CP-F",
        Rule = "icpc_15wd",
        Sequence = 1,
        Title = "Initial child protection conference",
        Group = RuleGroup.OfstedPostInspection,
        Due = new LocalDate(2017, 12, 11),
        Effective = new LocalDate(2017, 12, 11),
        Audience = [Role.DCS],
        SubjectVersion = 1,
    };

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
