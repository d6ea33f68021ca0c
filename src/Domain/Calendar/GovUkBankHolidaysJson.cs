using System.Text.Json;
using NodaTime.Text;

namespace Scheduler.Domain.Calendar;

/// <summary>
/// Reads the official GOV.UK <c>bank-holidays.json</c> format and returns its England and Wales division.
/// Parsing only: the caller reads the file.
/// </summary>
public static class GovUkBankHolidaysJson
{
    /// <summary>The division the statutory working-day definition uses.</summary>
    public const string Division = "england-and-wales";

    /// <summary>Parses the document; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static IReadOnlyList<BankHoliday> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"bank-holidays.json is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object ||
                !document.RootElement.TryGetProperty(Division, out var division) ||
                !division.TryGetProperty("events", out var events) ||
                events.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"bank-holidays.json has no \"{Division}\".events array.");
            }

            var result = new List<BankHoliday>();
            var index = 0;
            foreach (var item in events.EnumerateArray())
            {
                result.Add(ParseEvent(item, index++));
            }

            return result;
        }
    }

    private static BankHoliday ParseEvent(JsonElement item, int index)
    {
        var where = $"{Division}.events[{index}]";
        if (!item.TryGetProperty("date", out var dateElement) || dateElement.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"{where} has no \"date\".");
        }

        var parsed = LocalDatePattern.Iso.Parse(dateElement.GetString()!);
        if (!parsed.Success)
        {
            throw new FormatException($"{where}.date \"{dateElement.GetString()}\" is not a yyyy-MM-dd date.");
        }

        var title = item.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!.Replace('\u2019', '\'')
            : "Bank holiday";
        var notes = item.TryGetProperty("notes", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : string.Empty;
        if (notes.Contains("substitute", StringComparison.OrdinalIgnoreCase) && !title.Contains("(substitute)", StringComparison.Ordinal))
        {
            title += " (substitute)";
        }

        return new BankHoliday(parsed.Value, title);
    }
}
