using Azure.Data.Tables;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Robustness;

/// <summary>
/// Every entity of every table of one app (the tables whose names start with its prefix), with every property and
/// its ETag, as one comparable text per table: taken before and after a refused request, it shows that nothing
/// was written (a rewrite with the same values shows too, by its ETag).
/// </summary>
public sealed class TableSnapshot
{
    private readonly TableServiceClient _service;
    private readonly string _prefix;

    private TableSnapshot(TableServiceClient service, string prefix)
    {
        _service = service;
        _prefix = prefix;
    }

    /// <summary>A snapshotter of the tables of the app with <paramref name="tablePrefix"/>.</summary>
    public static TableSnapshot Of(AzuriteFixture azurite, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        return new TableSnapshot(azurite.CreateTableServiceClient(), tablePrefix);
    }

    /// <summary>The app's tables and their entities.</summary>
    public async Task<IReadOnlyDictionary<string, string>> TakeAsync()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var table in _service.QueryAsync($"TableName ge '{_prefix}' and TableName lt '{_prefix}~'"))
        {
            if (!table.Name.StartsWith(_prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rows = new List<string>();
            await foreach (var entity in _service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add(string.Join("|", entity.Where(p => p.Key != "odata.etag").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")) + "|etag=" + entity.ETag);
            }

            rows.Sort(StringComparer.Ordinal);
            result[table.Name] = string.Join("\n", rows);
        }

        return result;
    }

    /// <summary>The first difference between two snapshots, or null when they are equal.</summary>
    public static string? Difference(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (!before.Keys.SequenceEqual(after.Keys))
        {
            return "the set of tables changed";
        }

        return before.FirstOrDefault(p => p.Value != after[p.Key]) is { Key: { } table } ? $"table {table} changed" : null;
    }
}
