using System.Text.Json;
using NodaTime;

namespace Scheduler.Application.Authorities;

/// <summary>The body of <c>POST /api/authorities/{code}/keys</c>: an optional label and last day of use; both may be left out.</summary>
/// <param name="Label">What the key is for, at most 200 characters (shown in the key list; never put a secret here).</param>
/// <param name="Expires">The last day (yyyy-MM-dd, Europe/London) the key is accepted; today or later. Null: until revoked.</param>
public sealed record IssueKeyRequest(string? Label = null, LocalDate? Expires = null)
{
    /// <summary>The fields, for error messages.</summary>
    public const string Fields = "label, expires";

    /// <summary>Reads the body (null or absent: no label, no expiry); errors name the field.</summary>
    public static IssueKeyRequest Parse(JsonElement? body)
    {
        if (body is not { } json)
        {
            return new IssueKeyRequest();
        }

        var r = new StrictObject(json);
        var request = new IssueKeyRequest(r.OptionalString("label", 200), r.OptionalDate("expires"));
        r.RejectUnknown(Fields);
        return request;
    }
}
