using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Scheduler.Functions.Storage;

/// <summary>
/// Signs Queue service requests with Shared Key (the full scheme: verb, standard headers, canonicalized
/// x-ms-* headers and the canonicalized resource with every query parameter).
/// </summary>
internal sealed class QueueSharedKeyPolicy(string accountName, byte[] accountKey) : HttpPipelineSynchronousPolicy
{
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var sb = new StringBuilder(request.Method.Method.ToUpperInvariant()).Append('\n');
        foreach (var header in StandardHeaders)
        {
            sb.Append(HeaderValue(request, header)).Append('\n');
        }

        foreach (var header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), h.Value))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            sb.Append(header.Name).Append(':').Append(header.Value.Trim()).Append('\n');
        }

        sb.Append('/').Append(accountName).Append(request.Uri.Path);
        foreach (var group in SharedKeySigning.QueryParameters(request.Uri.Query)
                     .GroupBy(p => p.Name)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append('\n').Append(group.Key).Append(':')
              .Append(string.Join(',', group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }

        var signature = SharedKeySigning.Sign(accountKey, sb.ToString());
        request.Headers.SetValue(HttpHeader.Names.Authorization, $"SharedKey {accountName}:{signature}");
    }

    private static string HeaderValue(Request request, string name)
    {
        if (name == "Content-Length")
        {
            // Since 2015-02-21 a zero length signs as the empty string.
            return request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
                ? length.ToString(CultureInfo.InvariantCulture)
                : string.Empty;
        }

        return request.Headers.TryGetValue(name, out var value) ? value : string.Empty;
    }
}
