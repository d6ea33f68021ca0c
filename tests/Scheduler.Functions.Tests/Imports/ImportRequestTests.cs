using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Scheduler.Functions.Imports;
using Scheduler.Functions.Tests.Infrastructure;
using static Scheduler.Functions.Tests.Imports.ImportClient;

namespace Scheduler.Functions.Tests.Imports;

/// <summary>Who may import, and the refusals of the import route: 401, 403, 404, 413, 415 and 400 naming the field.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ImportRequestTests(AzuriteFixture azurite)
{
    private static readonly LocalDate Today = new(2024, 5, 15);

    [Fact]
    public async Task An_authority_key_or_the_operator_key_may_import_and_no_other()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var (code, client) = await ImportRouteTests.AuthorityAsync(app);
        var (other, otherClient) = await ImportRouteTests.AuthorityAsync(app);
        using var anonymous = app.Client();
        using var op = app.Operator();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/authorities/{code}/imports", Body(Returns.Ssda903Year2024))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherClient.PostAsync($"/api/authorities/{code}/imports", Body(Returns.Ssda903Year2024))).StatusCode);
        Assert.Null(await CaseAsync(client, code, "C100"));
        Assert.Null(await CaseAsync(otherClient, other, "C100"));

        var report = await ImportAsync(op, code, Returns.Ssda903Year2024);
        Assert.Equal(3, report["summary"]!["created"]!.GetValue<int>());
        Assert.NotNull(await CaseAsync(client, code, "C100"));
        await TestApp.ReadAsync(await op.PostAsync($"/api/authorities/{TestApp.NewAuthority()}/imports", Body(Returns.Ssda903Year2024)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_415()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var (code, client) = await ImportRouteTests.AuthorityAsync(app);

        await TestApp.AssertProblemAsync(await client.PostAsync($"/api/authorities/{code}/imports", TestApp.Json(new { file = "episodes.csv" })), HttpStatusCode.UnsupportedMediaType, "Content-Type");
        await TestApp.AssertProblemAsync(await client.PostAsync($"/api/authorities/{code}/imports", new StringContent(Returns.Ssda903Year2024[0].Content, Encoding.UTF8, "text/csv")), HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task A_request_over_the_limit_is_413_whether_its_length_is_declared_or_not_and_nothing_is_written()
    {
        await using var app = await TestApp.StartAsync(azurite, Today, services: s => s.Configure<ImportLimits>(l => l.MaxRequestBytes = 4096));
        var (code, client) = await ImportRouteTests.AuthorityAsync(app);

        // Valid rows first, so only the limit stops the import: about 12 KB of episodes.
        var rows = string.Concat(Enumerable.Range(1, 300).Select(i => $"X{i},04/09/2023,S,C2,N1,U4,PR1,,,,,,\n"));
        (string, string)[] big = [("episodes.csv", $"{Returns.EpisodesHeader}\n{rows}")];

        using var declared = Body(big);
        Assert.NotNull(declared.Headers.ContentLength);
        await TestApp.AssertProblemAsync(await client.PostAsync($"/api/authorities/{code}/imports", declared), HttpStatusCode.RequestEntityTooLarge, "$");
        var streamed = await UnknownLength.OfAsync(Body(big));
        await TestApp.AssertProblemAsync(await client.PostAsync($"/api/authorities/{code}/imports", streamed), HttpStatusCode.RequestEntityTooLarge, "$");
        Assert.Equal(0, (await RowCountsAsync(azurite, app))["Cases"]);

        // Under the limit, the same route imports.
        var small = await ImportAsync(client, code, [("episodes.csv", $"{Returns.EpisodesHeader}\nX1,04/09/2023,S,C2,N1,U4,PR1,,,,,,\n")]);
        Assert.Equal(1, small["summary"]!["created"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_requests_are_400_naming_the_field()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var (code, client) = await ImportRouteTests.AuthorityAsync(app);
        var url = $"/api/authorities/{code}/imports";
        (string, string)[] episodes = [Returns.Ssda903Year2024[0]];

        await TestApp.AssertProblemAsync(await client.PostAsync(url, Body([], ("kind", "903"))), HttpStatusCode.BadRequest, "file");
        await TestApp.AssertProblemAsync(await client.PostAsync(url, Body(episodes, ("kind", "xls"))), HttpStatusCode.BadRequest, "kind");
        await TestApp.AssertProblemAsync(await client.PostAsync(url + "?kind=cin", Body(episodes, ("kind", "903"))), HttpStatusCode.BadRequest, "kind");
        await TestApp.AssertProblemAsync(await client.PostAsync(url, Body(episodes, ("dry_run", "maybe"))), HttpStatusCode.BadRequest, "dry_run");
        await TestApp.AssertProblemAsync(await client.PostAsync(url, Body(episodes, ("year", "last year"))), HttpStatusCode.BadRequest, "year");
        await TestApp.AssertProblemAsync(await client.PostAsync(url, Body(episodes, ("year", "2019"))), HttpStatusCode.BadRequest, "year");
        await TestApp.AssertProblemAsync(await client.PostAsync(url, Body(episodes, ("surname", "x"))), HttpStatusCode.BadRequest, "surname");
        await TestApp.AssertProblemAsync(await client.PostAsync(url, Body([("notes.csv", "ID,NAME\n1,x\n")])), HttpStatusCode.BadRequest, "file");
        await TestApp.AssertProblemAsync(await client.PostAsync(url, Body([("census.xml", "<NotACensus/>")])), HttpStatusCode.BadRequest, "file");
        await TestApp.AssertProblemAsync(await client.PostAsync(url, Body([Returns.Census2024, Returns.Census2024])), HttpStatusCode.BadRequest, "file");

        // A field after the files, and a body that breaks off before its closing boundary.
        var late = Body(episodes);
        late.Add(new StringContent("903"), "kind");
        await TestApp.AssertProblemAsync(await client.PostAsync(url, late), HttpStatusCode.BadRequest, "kind");
        using var full = Body(episodes);
        var whole = await full.ReadAsByteArrayAsync();
        var cut = new UnknownLength(whole[..(whole.Length / 2)]);
        cut.Headers.ContentType = full.Headers.ContentType;
        await TestApp.AssertProblemAsync(await client.PostAsync(url, cut), HttpStatusCode.BadRequest, "body");

        Assert.Equal(0, (await RowCountsAsync(azurite, app))["Cases"]);
    }

    /// <summary>Content whose length is not declared, so it is sent chunked and the server must count what it reads.</summary>
    private sealed class UnknownLength(byte[] bytes) : HttpContent
    {
        public static async Task<UnknownLength> OfAsync(MultipartFormDataContent content)
        {
            var result = new UnknownLength(await content.ReadAsByteArrayAsync());
            result.Headers.ContentType = content.Headers.ContentType;
            return result;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
