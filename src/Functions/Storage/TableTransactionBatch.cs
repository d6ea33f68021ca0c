using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure;

namespace Scheduler.Functions.Storage;

/// <summary>Builds the multipart/mixed <c>$batch</c> body of an entity-group transaction and parses its answer.</summary>
internal sealed partial class TableTransactionBatch
{
    public const int MaxActions = 100;

    public TableTransactionBatch(Uri endpoint, string table, IReadOnlyList<TableTransactionAction> actions)
    {
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("N");
        ContentType = $"multipart/mixed; boundary={batchBoundary}";

        var sb = new StringBuilder();
        sb.Append("--").Append(batchBoundary).Append("\r\n");
        sb.Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        var baseUri = TableClient.Base(endpoint);
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var entity = action.Entity;
            sb.Append("--").Append(changesetBoundary).Append("\r\n");
            sb.Append("Content-Type: application/http\r\n");
            sb.Append("Content-Transfer-Encoding: binary\r\n\r\n");

            var (method, url, ifMatch, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", $"{baseUri}/{table}", null, true),
                TableTransactionActionType.UpsertMerge => ("MERGE", EntityUrl(), null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", EntityUrl(), null, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", EntityUrl(), Condition(action), true),
                TableTransactionActionType.UpdateReplace => ("PUT", EntityUrl(), Condition(action), true),
                TableTransactionActionType.Delete => ("DELETE", EntityUrl(), Condition(action), false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action."),
            };

            sb.Append(method).Append(' ').Append(url).Append(" HTTP/1.1\r\n");
            sb.Append("Accept: application/json;odata=minimalmetadata\r\n");
            sb.Append("DataServiceVersion: 3.0\r\n");
            if (ifMatch is not null)
            {
                sb.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            }

            if (hasBody)
            {
                if (action.ActionType == TableTransactionActionType.Add)
                {
                    sb.Append("Prefer: return-no-content\r\n");
                }

                sb.Append("Content-Type: application/json\r\n\r\n");
                sb.Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(entity))).Append("\r\n");
            }
            else
            {
                sb.Append("\r\n");
            }

            string EntityUrl() => $"{baseUri}/{TableClient.EntityPath(table, entity.PartitionKey, entity.RowKey)}";
        }

        sb.Append("--").Append(changesetBoundary).Append("--\r\n");
        sb.Append("--").Append(batchBoundary).Append("--\r\n");
        Body = Encoding.UTF8.GetBytes(sb.ToString());
    }

    public string ContentType { get; }

    public byte[] Body { get; }

    /// <summary>Client-side checks the service would otherwise make (or, on Azurite, silently skip).</summary>
    public static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        }

        if (actions.Count > MaxActions)
        {
            throw new ArgumentException($"A transaction holds at most {MaxActions} actions; got {actions.Count}. Split it into several transactions.", nameof(actions));
        }

        var partition = actions[0].Entity?.PartitionKey;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity ?? throw new ArgumentException($"Transaction action {i} has no entity.", nameof(actions));
            if (!string.Equals(entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"All actions in a transaction must share one PartitionKey: action 0 has '{partition}', action {i} has '{entity.PartitionKey}'.",
                    nameof(actions));
            }

            if (!seen.Add(entity.RowKey))
            {
                throw new ArgumentException($"Transaction action {i} repeats RowKey '{entity.RowKey}'; an entity may appear only once per transaction.", nameof(actions));
            }
        }
    }

    public static IReadOnlyList<TableTransactionResult> ParseResponse(Response response, int actionCount, string table)
    {
        if (response.Status != 202)
        {
            var (code, message) = StorageErrors.Parse(response);
            throw new TableTransactionFailedException(
                response.Status, StorageErrors.Describe(response.Status, code, message, $"Transaction on {table}"), code, null);
        }

        var parts = ParseParts(response.Content.ToString());
        var failed = parts.FirstOrDefault(p => p.Status >= 400);
        if (failed is not null)
        {
            var (code, message) = StorageErrors.ParseBody(failed.Body);
            int? index = null;
            if (message is not null && IndexPrefix().Match(message) is { Success: true } m)
            {
                index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else if (failed.ContentId is { } contentId)
            {
                index = contentId - 1;
            }

            var where = index is { } at ? $" at action {at}" : string.Empty;
            throw new TableTransactionFailedException(
                failed.Status,
                StorageErrors.Describe(failed.Status, code, message, $"Transaction on {table}{where}") + "; nothing was written.",
                code,
                index);
        }

        if (parts.Count != actionCount)
        {
            throw new RequestFailedException(
                response.Status, $"Transaction on {table}: expected {actionCount} results, the service returned {parts.Count}.", "UnexpectedBatchResponse", null);
        }

        return parts.Select(p => new TableTransactionResult(p.Status, p.ETag is null ? default : new ETag(p.ETag))).ToList();
    }

    private static List<Part> ParseParts(string body)
    {
        var parts = new List<Part>();
        var lines = body.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                continue;
            }

            var status = int.Parse(lines[i].AsSpan(9, 3), CultureInfo.InvariantCulture);
            string? etag = null;
            int? contentId = null;
            for (i++; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    continue;
                }

                var name = lines[i][..colon].Trim();
                var value = lines[i][(colon + 1)..].Trim();
                if (name.Equals("ETag", StringComparison.OrdinalIgnoreCase))
                {
                    etag = value;
                }
                else if (name.Equals("Content-ID", StringComparison.OrdinalIgnoreCase) && int.TryParse(value, CultureInfo.InvariantCulture, out var id))
                {
                    contentId = id;
                }
            }

            var bodyText = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
            {
                bodyText.Append(lines[i]).Append('\n');
            }

            i--;
            parts.Add(new Part(status, etag, contentId, bodyText.ToString().Trim()));
        }

        return parts;
    }

    private static string Condition(TableTransactionAction action) =>
        action.ETag != default ? action.ETag.ToString()
        : action.Entity.ETag != default ? action.Entity.ETag.ToString()
        : "*";

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();

    private sealed record Part(int Status, string? ETag, int? ContentId, string Body);
}
