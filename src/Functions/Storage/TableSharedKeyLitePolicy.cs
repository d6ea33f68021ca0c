using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Scheduler.Functions.Storage;

/// <summary>
/// Signs Table service requests with SharedKeyLite: StringToSign = x-ms-date + "\n" + CanonicalizedResource,
/// where the resource is "/" + account + the encoded URI path (+ "?comp=…" when present).
/// </summary>
internal sealed class TableSharedKeyLitePolicy(string accountName, byte[] accountKey) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.TryGetValue("x-ms-date", out var date);
        var resource = new StringBuilder("/").Append(accountName).Append(request.Uri.Path);
        var comp = SharedKeySigning.QueryParameters(request.Uri.Query).FirstOrDefault(p => p.Name == "comp");
        if (comp.Name is not null)
        {
            resource.Append("?comp=").Append(comp.Value);
        }

        var signature = SharedKeySigning.Sign(accountKey, date + "\n" + resource);
        request.Headers.SetValue(HttpHeader.Names.Authorization, $"SharedKeyLite {accountName}:{signature}");
    }
}

/// <summary>HMAC and query-string helpers shared by the Shared Key signing policies.</summary>
internal static class SharedKeySigning
{
    public static string Sign(byte[] key, string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>Query parameters with lower-cased names and URL-decoded values, in order of appearance.</summary>
    public static IEnumerable<(string Name, string Value)> QueryParameters(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            var value = eq < 0 ? string.Empty : pair[(eq + 1)..];
            yield return (Uri.UnescapeDataString(name).ToLowerInvariant(), Uri.UnescapeDataString(value.Replace('+', ' ')));
        }
    }
}
