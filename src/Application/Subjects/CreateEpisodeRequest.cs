using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.Subjects;

/// <summary>The body of <c>POST /api/authorities/{code}/episodes</c>: an oversight episode from an inspection report.</summary>
/// <param name="ReportReceived">The day the authority received the inspection report (yyyy-MM-dd, 1990–2040).</param>
/// <param name="Id">The episode id (1–64 letters, digits, '.', '_' or '-'); default <c>{framework}-{yyyyMMdd of receipt}</c>.</param>
/// <param name="Framework">The inspection framework: <c>sif-2017</c> (the default) or <c>ilacs</c>.</param>
/// <param name="ReportPublished">The day the report was published.</param>
/// <param name="Events">Events to record at creation, in order (each as <c>POST …/events</c> takes it).</param>
public sealed record CreateEpisodeRequest(
    LocalDate ReportReceived,
    string? Id = null,
    string? Framework = null,
    LocalDate? ReportPublished = null,
    IReadOnlyList<EventInput>? Events = null)
{
    /// <summary>The fields, for error messages.</summary>
    public const string Fields = "id, framework, report_received, report_published, events";

    /// <summary>The framework, defaulted.</summary>
    [JsonIgnore]
    public string FrameworkOrDefault => Framework ?? RuleSets.DefaultId;

    /// <summary>The id, defaulted.</summary>
    [JsonIgnore]
    public string IdOrDefault => Id ?? $"{FrameworkOrDefault}-{ReportReceived:uuuuMMdd}";

    /// <summary>Reads and checks the body (personal data refused anywhere in it); errors name the field.</summary>
    public static CreateEpisodeRequest Parse(JsonElement body)
    {
        var r = new StrictObject(body, refusePersonalData: true);
        var framework = r.OptionalString("framework", 40);
        if (framework is not null && !RuleSets.Exists(framework))
        {
            throw new ValidationException("framework", $"'{framework}' is not a known framework (one of {string.Join(", ", RuleSets.All.Select(s => s.Id))})");
        }

        var received = r.RequiredDate("report_received");
        var published = r.OptionalDate("report_published");
        var id = r.OptionalString("id", 64);
        if (id is not null && !KeyParts.IsSubjectId(id))
        {
            throw new ValidationException("id", KeyParts.SubjectIdPatternText);
        }

        var events = r.OptionalArray("events", SubjectLimits.MaxInitialEvents).Select((e, i) => EventInput.Parse(e, $"events[{i}]")).ToList();
        r.RejectUnknown(Fields);
        return new CreateEpisodeRequest(received, id, framework, published, events);
    }
}
