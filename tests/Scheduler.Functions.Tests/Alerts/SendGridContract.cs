using System.Text.Json;

namespace Scheduler.Functions.Tests.Alerts;

/// <summary>
/// SendGrid v3 <c>POST /v3/mail/send</c> as its documentation defines it and as this app must use it: bearer key,
/// JSON body with one personalization of one recipient, from, subject, <c>text/plain</c> before <c>text/html</c>
/// (SendGrid rejects the other order), the digest key in <c>custom_args.alert_key</c>, and the headers an automatic
/// digest must carry (RFC 3834 <c>Auto-Submitted</c>, RFC 2919 <c>List-Id</c>) in <c>headers</c>.
/// </summary>
internal static class SendGridContract
{
    /// <summary>The wire-contract violations of one request (empty when it is well-formed).</summary>
    public static List<string> Violations(RecordedRequest r, string apiKey)
    {
        var problems = new List<string>();
        if (r.Method != "POST")
        {
            problems.Add($"method {r.Method}");
        }

        if (r.Path != "/v3/mail/send")
        {
            problems.Add($"path {r.Path}");
        }

        if (r.Header("Authorization") != $"Bearer {apiKey}")
        {
            problems.Add("authorization");
        }

        var contentType = r.Header("Content-Type");
        if (contentType is null || !contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"content type {contentType}");
        }

        try
        {
            using var json = JsonDocument.Parse(r.Body);
            var root = json.RootElement;
            var personalizations = root.GetProperty("personalizations");
            var to = personalizations[0].GetProperty("to");
            if (personalizations.GetArrayLength() != 1 || to.GetArrayLength() != 1 || string.IsNullOrEmpty(to[0].GetProperty("email").GetString()))
            {
                problems.Add("personalizations: one personalization with one recipient");
            }

            if (string.IsNullOrEmpty(root.GetProperty("from").GetProperty("email").GetString())
                || string.IsNullOrEmpty(root.GetProperty("subject").GetString()))
            {
                problems.Add("from or subject empty");
            }

            if (root.GetProperty("custom_args").GetProperty("alert_key").ValueKind != JsonValueKind.String)
            {
                problems.Add("custom_args.alert_key");
            }

            var content = root.GetProperty("content").EnumerateArray().ToList();
            var types = content.Select(c => c.GetProperty("type").GetString()).ToList();
            if (!types.SequenceEqual(["text/plain", "text/html"]) || content.Any(c => c.GetProperty("value").ValueKind != JsonValueKind.String))
            {
                problems.Add("content order " + string.Join(",", types));
            }

            var headers = root.GetProperty("headers");
            if (headers.EnumerateObject().Any(h => h.Value.ValueKind != JsonValueKind.String))
            {
                problems.Add("headers: every value must be a string");
            }

            if (!headers.TryGetProperty("Auto-Submitted", out var auto) || auto.GetString() != "auto-generated")
            {
                problems.Add("headers.Auto-Submitted");
            }

            if (!headers.TryGetProperty("List-Id", out var list) || string.IsNullOrWhiteSpace(list.GetString()))
            {
                problems.Add("headers.List-Id");
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            problems.Add("body shape: " + ex.Message);
        }

        return problems;
    }

    /// <summary>The answer SendGrid gives a request that breaks its contract: 400 with <c>errors[].message</c>.</summary>
    public static Reply Refusal(IEnumerable<string> problems) =>
        new(400, JsonSerializer.Serialize(new { errors = problems.Select(p => new { message = p, field = (string?)null }) }));
}
