using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Imports;

/// <summary>Uploads returns to the import route and reads what the app stored, for the import tests.</summary>
internal static class ImportClient
{
    /// <summary>A multipart body: the fields first (in order), then one part per file named <c>file</c>.</summary>
    public static MultipartFormDataContent Body(IEnumerable<(string Name, string Content)> files, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        foreach (var (name, text) in files)
        {
            var part = new StringContent(text, Encoding.UTF8);
            part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? "application/xml" : "text/csv");
            content.Add(part, "file", name);
        }

        return content;
    }

    /// <summary>POSTs the files to <c>…/imports</c> (with <paramref name="query"/> appended) and returns the report, asserting 200.</summary>
    public static async Task<JsonObject> ImportAsync(HttpClient client, string code, IEnumerable<(string Name, string Content)> files, string query = "", params (string Name, string Value)[] fields)
    {
        using var body = Body(files, fields);
        return await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/imports{query}", body), HttpStatusCode.OK);
    }

    /// <summary>The case as the API returns it, or null when it does not exist.</summary>
    public static async Task<JsonObject?> CaseAsync(HttpClient client, string code, string caseRef)
    {
        var response = await client.GetAsync($"/api/authorities/{code}/cases/{caseRef}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await TestApp.ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>The ids of a case's recorded events, in the order recorded.</summary>
    public static List<string> EventIds(JsonObject view) => [.. view["events"]!.AsArray().Select(e => e!["id"]!.GetValue<string>())];

    /// <summary>A case's recorded events as (type, date, kind-or-milestone), sorted, for comparison with a hand-written list.</summary>
    public static List<string> EventShapes(JsonObject view) =>
    [
        .. view["events"]!.AsArray()
            .Select(e => e!["event"]!)
            .Select(e => string.Join(" ", new[] { e["type"]!.GetValue<string>(), e["date"]!.GetValue<string>(), e["kind"]?.GetValue<string>(), e["milestone"]?.GetValue<string>() }.Where(s => s is not null)))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The report's entry for one case.</summary>
    public static JsonObject ReportCase(JsonObject report, string caseRef) =>
        Assert.Single(report["cases"]!.AsArray(), c => c!["case_ref"]!.GetValue<string>() == caseRef)!.AsObject();

    /// <summary>The tables of one app (by its table prefix) with their entities, every property rendered as text.</summary>
    public static async Task<Dictionary<string, List<Dictionary<string, string>>>> TablesAsync(AzuriteFixture azurite, TestApp app)
    {
        var service = azurite.CreateTableServiceClient();
        var tables = new Dictionary<string, List<Dictionary<string, string>>>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync(filter: (string?)null))
        {
            if (!table.Name.StartsWith(app.TablePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rows = new List<Dictionary<string, string>>();
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add(entity.ToDictionary(p => p.Key, p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparer.Ordinal));
            }

            tables[table.Name[app.TablePrefix.Length..]] = rows;
        }

        return tables;
    }

    /// <summary>Rows per table of one app.</summary>
    public static async Task<Dictionary<string, int>> RowCountsAsync(AzuriteFixture azurite, TestApp app) =>
        (await TablesAsync(azurite, app)).ToDictionary(t => t.Key, t => t.Value.Count, StringComparer.Ordinal);
}
