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
