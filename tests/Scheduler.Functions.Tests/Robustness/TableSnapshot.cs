using Azure.Data.Tables;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Robustness;

/// <summary>
/// Every entity of every table of one app (its table prefix), with every property, as one comparable text: taken
/// before and after a refused request, it shows that nothing was written.
/// </summary>
public static class TableSnapshot
{
    /// <summary>The app's tables and their entities (ETags and timestamps included, so a rewrite shows too).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(AzuriteFixture azurite, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var service = azurite.CreateTableServiceClient();
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(tablePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rows = new List<string>();
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add(string.Join("|", entity.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")) + "|etag=" + entity.ETag);
            }

            rows.Sort(StringComparer.Ordinal);
            result[table.Name] = string.Join("\n", rows);
        }

        return result;
    }

    /// <summary>Asserts that two snapshots are equal, naming the first table that differs.</summary>
    public static void AssertUnchanged(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, string what)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        Assert.True(before.Keys.SequenceEqual(after.Keys), $"{what}: the set of tables changed");
        foreach (var (table, rows) in before)
        {
            Assert.True(rows == after[table], $"{what}: table {table} changed");
        }
    }
}
