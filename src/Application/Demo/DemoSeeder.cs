using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Scheduler.Application.Demo;

/// <summary>
/// Seeds the local demo (idempotent: only what is missing is created): the authority <c>croydon</c> with made-up
/// contact addresses, its 2017 oversight episode (report received and published Mon 4 Sep 2017, SIF 2017,
/// commissioner appointed the same day), a handful of children's cases with made-up references, and the demo API
/// key <see cref="DemoKey"/>. Events dated after "today" are left out, so a pinned demo clock never breaks it.
/// </summary>
public sealed partial class DemoSeeder(
    IAuthorityStore authorityStore,
    AuthorityService authorities,
    ISubjectStore subjects,
    EpisodeService episodes,
    CaseService cases,
    IApiKeyStore keys,
    IClock clock,
    ILogger<DemoSeeder> logger)
{
    /// <summary>The demo authority.</summary>
    public const string Authority = "croydon";

    /// <summary>The demo episode id.</summary>
    public const string EpisodeId = "sif-2017-20170904";

    /// <summary>The demo authority's API key: published for local runs only, never valid anywhere else.</summary>
    public const string DemoKey = "sk_croydon_local_demo_key";

    /// <summary>The demo key's public id.</summary>
    public const string DemoKeyId = "k-demo-croydon";

    private const string Actor = "demo-seeder";

    /// <summary>Creates whatever of the demo is missing.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        if (await authorityStore.GetAsync(Authority, cancellationToken).ConfigureAwait(false) is null)
        {
            await authorities.PutAsync(Authority, Json(new
            {
                name = "London Borough of Croydon (demo)",
                contacts = new Dictionary<string, object>
                {
                    ["PO"] = new[] { "programme.office@croydon.example" },
                    ["DCS"] = "dcs@croydon.example",
                    ["CEX"] = "chief.executive@croydon.example",
                    ["IBC"] = "improvement.board.chair@croydon.example",
                    ["DFE"] = "dfe.case.officer@dfe.example",
                    ["COM"] = "commissioner@dfe.example",
                    ["OFS"] = "lead.inspector@ofsted.example",
                    ["HOS"] = "head.of.service@croydon.example",
                },
            }), Actor, cancellationToken).ConfigureAwait(false);
        }

        if (await keys.FindByHashAsync(ApiKeyHasher.Hash(DemoKey), cancellationToken).ConfigureAwait(false) is null)
        {
            await keys.AddAsync(new ApiKeyRecord(DemoKeyId, ApiKeyHasher.Hash(DemoKey), Authority, clock.GetCurrentInstant(), Actor), cancellationToken).ConfigureAwait(false);
        }

        if (await subjects.GetAsync(SubjectKind.Episode, Authority, EpisodeId, cancellationToken).ConfigureAwait(false) is null)
        {
            await episodes.CreateAsync(Authority, Json(new
            {
                id = EpisodeId,
                framework = "sif-2017",
                report_received = "2017-09-04",
                report_published = "2017-09-04",
                events = Past(today, new { type = "commissioner_appointed", date = "2017-09-04" }),
            }), Actor, cancellationToken).ConfigureAwait(false);
        }

        var tm = new Dictionary<string, string> { ["TM"] = "team.manager.north@croydon.example" };
        await CaseAsync("CP-DEMO-001", "CP", new Dictionary<string, string>(tm) { ["CPC"] = "cp.chair@croydon.example" }, today, cancellationToken,
            new { type = "strategy_discussion", date = "2017-12-04" }).ConfigureAwait(false);
        await CaseAsync("CP-DEMO-002", "CP", new Dictionary<string, string>(tm) { ["CPC"] = "cp.chair@croydon.example" }, today, cancellationToken,
            new { type = "strategy_discussion", date = "2017-09-04" },
            new { type = "icpc_held", date = "2017-09-25" }).ConfigureAwait(false);
        await CaseAsync("LAC-DEMO-001", "LAC", new Dictionary<string, string>(tm) { ["IRO"] = "iro.team@croydon.example" }, today, cancellationToken,
            new { type = "became_looked_after", date = "2017-12-20" },
            new { type = "placement_started", date = "2017-12-20", kind = "standard" }).ConfigureAwait(false);
        await CaseAsync("LAC-DEMO-002", "LAC", new Dictionary<string, string>(tm) { ["IRO"] = "iro.team@croydon.example" }, today, cancellationToken,
            new { type = "became_looked_after", date = "2017-09-04" },
            new { type = "placement_started", date = "2017-09-04", kind = "intended_until_18" },
            new { type = "statutory_visit_made", date = "2017-09-11" },
            new { type = "looked_after_review_held", date = "2017-10-02" }).ConfigureAwait(false);
        LogSeeded(logger, Authority, LocalDatePattern.Iso.Format(today));
    }

    private async Task CaseAsync(string caseRef, string type, Dictionary<string, string> assignees, LocalDate today, CancellationToken cancellationToken, params object[] events)
    {
        if (await subjects.GetAsync(SubjectKind.Case, Authority, caseRef, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        await cases.CreateAsync(Authority, caseRef, Json(new { type, assignees, events = Past(today, events) }), Actor, cancellationToken).ConfigureAwait(false);
    }

    private static object[] Past(LocalDate today, params object[] events) =>
        [.. events.Where(e => LocalDatePattern.Iso.Parse(Json(e).GetProperty("date").GetString()!).Value <= today)];

    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo authority {Authority} seeded (today {Today})")]
    private static partial void LogSeeded(ILogger logger, string authority, string today);
}
