using System.Text.Json;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.Subjects;

/// <summary>The body of <c>POST /api/authorities/{code}/cases/{caseRef}</c>: a new case, by council case reference only.</summary>
/// <param name="Type">The case type: <c>CP</c> (child protection), <c>LAC</c> (looked after), or a type's snake_case name.</param>
/// <param name="Assignees">The assigned IRO, conference chair (CPC) and team manager (TM): one email each.</param>
/// <param name="Events">Events to record at creation, in order (each as <c>POST …/events</c> takes it).</param>
public sealed record CreateCaseRequest(string Type, IReadOnlyDictionary<Role, string>? Assignees = null, IReadOnlyList<EventInput>? Events = null)
{
    /// <summary>The fields, for error messages.</summary>
    public const string Fields = "type, assignees, events";

    /// <summary>Reads and checks the body (personal data refused anywhere in it); errors name the field.</summary>
    public static CreateCaseRequest Parse(JsonElement body)
    {
        var r = new StrictObject(body, refusePersonalData: true);
        var type = CaseRequests.Type(r.RequiredString("type", 40));
        var assignees = Contacts.ParseAssignees(r.OptionalObject("assignees"));
        var events = r.OptionalArray("events", SubjectLimits.MaxInitialEvents).Select((e, i) => EventInput.Parse(e, $"events[{i}]")).ToList();
        r.RejectUnknown(Fields);
        return new CreateCaseRequest(type, assignees, events);
    }
}

/// <summary>The body of <c>PUT /api/authorities/{code}/cases/{caseRef}</c>: the case's type and/or assignees (its events are kept).</summary>
/// <param name="Type">The case type, as for creation; required when the case does not exist yet.</param>
/// <param name="Assignees">The assignees, replacing the current ones when given.</param>
public sealed record PutCaseRequest(string? Type = null, IReadOnlyDictionary<Role, string>? Assignees = null)
{
    /// <summary>The fields, for error messages.</summary>
    public const string Fields = "type, assignees";

    /// <summary>Reads and checks the body (personal data refused anywhere in it); errors name the field.</summary>
    public static PutCaseRequest Parse(JsonElement body)
    {
        var r = new StrictObject(body, refusePersonalData: true);
        var typeText = r.OptionalString("type", 40);
        var assigneesObject = r.OptionalObject("assignees");
        var assignees = assigneesObject is null ? null : Contacts.ParseAssignees(assigneesObject);
        if (r.Has("events"))
        {
            throw new ValidationException("events", "record events with POST …/cases/{caseRef}/events; PUT changes the type and assignees only");
        }

        r.RejectUnknown(Fields);
        return new PutCaseRequest(typeText is null ? null : CaseRequests.Type(typeText), assignees);
    }
}

/// <summary>What the case bodies share.</summary>
internal static class CaseRequests
{
    /// <summary>The stored spelling of a case type; a 400 on <c>type</c> when it is none.</summary>
    public static string Type(string text) => CaseTypes.Name(CaseTypes.ParseOrRefuse(text));
}
