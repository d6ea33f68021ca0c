using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Scheduler.Functions.Tests.Robustness;

/// <summary>One hostile request and what it must get: a status and, for a 400, the field the problem names.</summary>
/// <param name="Name">What it tries, for the failure message.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, already escaped as it goes on the wire.</param>
/// <param name="Body">The body bytes (null for none).</param>
/// <param name="ContentType">The Content-Type header (null for none).</param>
/// <param name="Operator">Whether it is sent with the operator key (else the authority's key).</param>
/// <param name="Status">The status it must get.</param>
/// <param name="Field">The field the problem must name (null: any, or none).</param>
public sealed record HostileRequest(string Name, HttpMethod Method, string Path, byte[]? Body, string? ContentType, bool Operator, HttpStatusCode Status, string? Field)
{
    /// <summary>The request message.</summary>
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            }
            else
            {
                message.Content.Headers.ContentType = null;
            }
        }

        return message;
    }
}

/// <summary>
/// The hostile requests, built per write route from a valid body of the route: malformed JSON, wrong types,
/// duplicate keys, impossible and out-of-range dates, personal data nested anywhere, oversized bodies and strings,
/// control characters, lone surrogates, invalid UTF-8, wrong media types, path traversal and OData injection in
/// every route value. Expected fields are worked out from docs/api.md, not from the code.
/// </summary>
public static class HostileRequests
{
    private const string Json = "application/json";

    /// <summary>One write route: its path, method, a valid body, who may call it, and whether it refuses personal-data fields by name (otherwise they are unknown fields).</summary>
    private sealed record Route(string Name, HttpMethod Method, string Path, JsonObject Valid, bool Operator, bool RefusesPersonalData);

    /// <summary>Every hostile request against authority <paramref name="code"/>, whose case CP-H1 (with event h-used) and episode sif-2017-20170904 exist.</summary>
    public static IReadOnlyList<HostileRequest> All(string code)
    {
        var a = $"/api/authorities/{code}";
        Route[] routes =
        [
            new("case create", HttpMethod.Post, $"{a}/cases/CP-NEW-1", Obj("""{"type":"CP","events":[{"type":"strategy_discussion","date":"2017-12-13"}]}"""), false, true),
            new("case put", HttpMethod.Put, $"{a}/cases/CP-H1", Obj("""{"type":"CP","assignees":{"IRO":"iro@example.org"}}"""), false, true),
            new("case event", HttpMethod.Post, $"{a}/cases/CP-H1/events", Obj("""{"type":"icpc_held","date":"2017-12-29"}"""), false, true),
            new("episode create", HttpMethod.Post, $"{a}/episodes", Obj("""{"id":"ep-new","framework":"sif-2017","report_received":"2017-10-02"}"""), false, true),
            new("episode event", HttpMethod.Post, $"{a}/episodes/sif-2017-20170904/events", Obj("""{"type":"action_plan_submitted","date":"2017-11-20"}"""), false, true),
            new("acknowledge", HttpMethod.Post, $"{a}/alerts/case.CP-H1.icpc_15wd.1.1/acknowledge", Obj("""{"reason":"Conference booked"}"""), false, false),
            new("authority put", HttpMethod.Put, a, Obj("""{"name":"Hostile council","contacts":{"PO":"po@example.org"}}"""), true, false),
        ];

        var list = new List<HostileRequest>();
        foreach (var route in routes)
        {
            list.AddRange(Generic(route));
        }

        list.AddRange(CaseCreate(routes[0]));
        list.AddRange(CasePut(routes[1]));
        list.AddRange(CaseEvent(routes[2]));
        list.AddRange(EpisodeCreate(routes[3]));
        list.AddRange(EpisodeEvent(routes[4]));
        list.AddRange(Acknowledge(routes[5]));
        list.AddRange(AuthorityPut(routes[6]));
        list.AddRange(RouteValues(code, routes));
        return list;
    }

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static HostileRequest Bad(Route r, string name, byte[] body, string? field, HttpStatusCode status = HttpStatusCode.BadRequest, string? contentType = Json) =>
        new($"{r.Name}: {name}", r.Method, r.Path, body, contentType, r.Operator, status, field);

    private static HostileRequest Bad(Route r, string name, string body, string? field, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        Bad(r, name, Utf8(body), field, status);

    /// <summary>The valid body with <paramref name="change"/> applied.</summary>
    private static string With(Route r, Action<JsonObject> change)
    {
        var body = r.Valid.DeepClone().AsObject();
        change(body);
        return body.ToJsonString();
    }

    /// <summary>The valid body's JSON with raw text inserted before its closing brace.</summary>
    private static string Plus(Route r, string rawMembers) => r.Valid.ToJsonString()[..^1] + "," + rawMembers + "}";

    /// <summary>What every body route must refuse the same way.</summary>
    private static IEnumerable<HostileRequest> Generic(Route r)
    {
        var valid = r.Valid.ToJsonString();
        yield return Bad(r, "truncated JSON", "{", "$");
        yield return Bad(r, "an array", "[]", "$");
        yield return Bad(r, "a string", "\"text\"", "$");
        yield return Bad(r, "null", "null", "$");
        yield return Bad(r, "an empty body", string.Empty, "$");
        yield return Bad(r, "a trailing comma", valid[..^1] + ",}", "$");
        yield return Bad(r, "single quotes", "{'type':'CP'}", "$");
        yield return Bad(r, "a comment", "/* hi */" + valid, "$");
        yield return Bad(r, "40 levels of nesting", new string('[', 40) + new string(']', 40), "$");
        yield return Bad(r, "invalid UTF-8", [.. Utf8(valid[..^1] + ",\"zz\":\""), 0xC3, 0x28, .. Utf8("\"}")], "$");
        yield return Bad(r, "an overlong UTF-8 NUL", [.. Utf8(valid[..^1] + ",\"zz\":\""), 0xC0, 0x80, .. Utf8("\"}")], "$");
        yield return Bad(r, "a body over 64 KiB", Plus(r, $"\"zz\":[{string.Join(",", Enumerable.Repeat("\"" + new string('x', 900) + "\"", 80))}]"), "$", HttpStatusCode.RequestEntityTooLarge);
        yield return Bad(r, "text/plain", Utf8(valid), "Content-Type", HttpStatusCode.UnsupportedMediaType, "text/plain");
        yield return Bad(r, "no Content-Type", Utf8(valid), "Content-Type", HttpStatusCode.UnsupportedMediaType, null);
        yield return Bad(r, "application/xml", Utf8(valid), "Content-Type", HttpStatusCode.UnsupportedMediaType, "application/xml");
        yield return Bad(r, "JSON in Latin-1", Utf8(valid), "Content-Type", HttpStatusCode.UnsupportedMediaType, "application/json; charset=iso-8859-1");
        yield return Bad(r, "a duplicate key", Plus(r, "\"zz\":1,\"zz\":2"), "zz");
        yield return Bad(r, "a duplicate of a known key", valid[..^1] + "," + valid[1..], FirstKey(r));
        yield return Bad(r, "a NUL in a string", Plus(r, "\"zz\":\"a\\u0000Jane Doe\""), "zz");
        yield return Bad(r, "a CR LF in a string", Plus(r, "\"zz\":\"a\\r\\nBcc: x@example.org\""), "zz");
        yield return Bad(r, "a C1 control character", Plus(r, "\"zz\":\"a\\u0085b\""), "zz");
        yield return Bad(r, "a lone high surrogate", Plus(r, "\"zz\":\"\\ud800\""), "zz");
        yield return Bad(r, "a lone low surrogate", Plus(r, "\"zz\":\"x\\udc00y\""), "zz");
        yield return Bad(r, "a noncharacter", Plus(r, "\"zz\":\"\\uffff\""), "zz");
        yield return Bad(r, "a string of 1,001 characters", Plus(r, $"\"zz\":\"{new string('x', 1_001)}\""), "zz");
        yield return Bad(r, "a field name of 101 characters", Plus(r, $"\"{new string('n', 101)}\":1"), "$");
        yield return Bad(r, "an empty field name", Plus(r, "\"\":1"), "$");
        yield return Bad(r, "a lone surrogate in a field name", Plus(r, "\"\\ud800\":1"), "$");
        yield return Bad(r, "a number of 50 digits", Plus(r, $"\"zz\":{new string('9', 50)}"), "zz");
        yield return Bad(r, "an unknown field", Plus(r, "\"zz\":1"), "zz");
        yield return Bad(r, "a child's name at the top", Plus(r, "\"child_name\":\"Jane\""), "child_name");
        yield return Bad(r, "a date of birth nested in an object", Plus(r, "\"extra\":{\"deep\":[{\"Date_Of_Birth\":\"2010-01-01\"}]}"), r.RefusesPersonalData ? "extra.deep[0].Date_Of_Birth" : "extra");
        yield return Bad(r, "a postcode in an array", Plus(r, "\"extra\":[{\"post-code\":\"CR0 1AA\"}]"), r.RefusesPersonalData ? "extra[0].post-code" : "extra");
    }

    private static string FirstKey(Route r) => r.Valid.First().Key;

    private static IEnumerable<HostileRequest> Dates(Route r, Func<string, string> body, string field)
    {
        foreach (var (name, date) in new[]
        {
            ("30 February", "2017-02-30"), ("month 13", "2017-13-01"), ("month 0", "2017-00-10"), ("day 32", "2017-01-32"),
            ("no padding", "2017-1-1"), ("day first", "01/02/2017"), ("a timestamp", "2017-12-01T00:00:00Z"),
            ("before 1990", "1989-12-31"), ("after 2040", "2041-01-01"), ("year 9999", "9999-12-31"), ("a trailing space", "2017-12-01 "),
            ("text after the date", "2017-12-01 Jane"), ("an empty date", ""),
        })
        {
            yield return Bad(r, $"a date {name}", body(date), field);
        }

        yield return Bad(r, "a date that is a number", body("DATE-AS-NUMBER").Replace("\"DATE-AS-NUMBER\"", "20171201", StringComparison.Ordinal), field);
    }

    private static IEnumerable<HostileRequest> CaseCreate(Route r)
    {
        yield return Bad(r, "type a number", With(r, b => b["type"] = 1), "type");
        yield return Bad(r, "type unknown", With(r, b => b["type"] = "XX"), "type");
        yield return Bad(r, "type missing", With(r, b => b.Remove("type")), "type");
        yield return Bad(r, "events an object", With(r, b => b["events"] = new JsonObject()), "events");
        yield return Bad(r, "201 events", With(r, b => b["events"] = new JsonArray([.. Enumerable.Range(0, 201).Select(_ => Obj("""{"type":"cp_visit_made","date":"2017-12-14"}"""))])), "events");
        yield return Bad(r, "assignees an array", With(r, b => b["assignees"] = new JsonArray()), "assignees");
        yield return Bad(r, "an assignee that is not an email", With(r, b => b["assignees"] = Obj("""{"IRO":"not an email"}""")), "assignees.IRO");
        yield return Bad(r, "an assignee role that does not exist", With(r, b => b["assignees"] = Obj("""{"XYZ":"a@example.org"}""")), "assignees.XYZ");
        yield return Bad(r, "an assignee's name", With(r, b => b["assignees"] = Obj("""{"IRO":"iro@example.org","name":"Jane"}""")), "assignees.name");
        yield return Bad(r, "an event field its type does not take", With(r, b => b["events"]![0]!["milestone"] = "Jane Doe DOB 01/02/2010"), "events[0].milestone");
        yield return Bad(r, "an unknown event type", With(r, b => b["events"]![0]!["type"] = "tea_party"), "events[0].type");
        yield return Bad(r, "an oversight event on a case", With(r, b => b["events"]![0]!["type"] = "action_plan_submitted"), "events[0].type");
        yield return Bad(r, "a surname on an event", With(r, b => b["events"]![0]!["surname"] = "Doe"), "events[0].surname");
        yield return Bad(r, "a future strategy discussion", With(r, b => b["events"]![0]!["date"] = "2018-04-04"), "events[0].date");
        yield return Bad(r, "two events with one id", With(r, b => b["events"] = new JsonArray(Obj("""{"id":"d","type":"strategy_discussion","date":"2017-12-13"}"""), Obj("""{"id":"d","type":"icpc_held","date":"2017-12-29"}"""))), "events[1].id");
        yield return Bad(r, "an ICPC before its strategy discussion", With(r, b => b["events"]!.AsArray().Add(Obj("""{"type":"icpc_held","date":"2017-12-01"}"""))), "events[1].date");
        foreach (var request in Dates(r, d => With(r, b => b["events"]![0]!["date"] = d), "events[0].date"))
        {
            yield return request;
        }
    }

    private static IEnumerable<HostileRequest> CasePut(Route r)
    {
        yield return Bad(r, "events on a PUT", With(r, b => b["events"] = new JsonArray()), "events");
        yield return Bad(r, "type a number", With(r, b => b["type"] = 5), "type");
        yield return Bad(r, "type unknown", With(r, b => b["type"] = "ZZ"), "type");
        yield return Bad(r, "an assignee that is not an email", With(r, b => b["assignees"] = Obj("""{"TM":"tm at example.org"}""")), "assignees.TM");
        yield return Bad(r, "an email of 300 characters", With(r, b => b["assignees"] = Obj($$"""{"TM":"{{new string('t', 290)}}@example.org"}""")), "assignees.TM");
        yield return Bad(r, "an assignee role in lower case", With(r, b => b["assignees"] = Obj("""{"iro":"iro@example.org"}""")), "assignees.iro");
        yield return Bad(r, "a dob next to the assignees", With(r, b => b["assignees"]!["dob"] = "2010-01-01"), "assignees.dob");
    }

    private static IEnumerable<HostileRequest> CaseEvent(Route r)
    {
        yield return Bad(r, "type missing", With(r, b => b.Remove("type")), "type");
        yield return Bad(r, "type a number", With(r, b => b["type"] = 3), "type");
        yield return Bad(r, "type unknown", With(r, b => b["type"] = "icpc_held' or 1 eq 1"), "type");
        yield return Bad(r, "date missing", With(r, b => b.Remove("date")), "date");
        yield return Bad(r, "a kind on an ICPC", With(r, b => b["kind"] = "standard"), "kind");
        yield return Bad(r, "a 60,000-character field", With(r, b => b["kind"] = new string('k', 60_000)), "kind");
        yield return Bad(r, "a placement of an unknown kind", """{"type":"placement_started","date":"2017-12-29","kind":"castle"}""", "kind");
        yield return Bad(r, "a placement kind in capitals", """{"type":"placement_started","date":"2017-12-29","kind":"STANDARD"}""", "kind");
        yield return Bad(r, "a placement without its kind", """{"type":"placement_started","date":"2017-12-29"}""", "kind");
        yield return Bad(r, "child_agrees not a boolean", """{"type":"placement_started","date":"2017-12-29","kind":"standard","child_agrees":"yes"}""", "child_agrees");
        yield return Bad(r, "interval_months 7", """{"type":"health_assessment_held","date":"2017-12-29","interval_months":7}""", "interval_months");
        yield return Bad(r, "interval_months 6.0", """{"type":"health_assessment_held","date":"2017-12-29","interval_months":6.0}""", "interval_months");
        yield return Bad(r, "a milestone key with spaces", """{"type":"milestone_completed","date":"2017-12-29","milestone":"Jane Doe"}""", "milestone");
        yield return Bad(r, "a milestone key with traversal", """{"type":"milestone_completed","date":"2017-12-29","milestone":"../../x/1/1"}""", "milestone");
        yield return Bad(r, "an id with a space", With(r, b => b["id"] = "a b"), "id");
        yield return Bad(r, "an id of 129 characters", With(r, b => b["id"] = new string('i', 129)), "id");
        yield return Bad(r, "an id with an OData quote", With(r, b => b["id"] = "x' or 1 eq 1"), "id");
        yield return Bad(r, "an id that is a number", With(r, b => b["id"] = 42), "id");
        yield return Bad(r, "a future ICPC", With(r, b => b["date"] = "2018-04-04"), "date");
        yield return Bad(r, "an ICPC before its strategy discussion", With(r, b => b["date"] = "2017-12-01"), "date");
        yield return Bad(r, "an oversight event on a case", """{"type":"monitoring_visit_held","date":"2017-12-29"}""", "type");
        yield return Bad(r, "a reused id with another payload", """{"id":"h-used","type":"referral_received","date":"2017-12-12"}""", "id", HttpStatusCode.Conflict);
        yield return Bad(r, "a name inside an event", With(r, b => b["name"] = "Jane"), "name");
        foreach (var request in Dates(r, d => With(r, b => b["date"] = d), "date"))
        {
            yield return request;
        }
    }

    private static IEnumerable<HostileRequest> EpisodeCreate(Route r)
    {
        yield return Bad(r, "an unknown framework", With(r, b => b["framework"] = "sif-1999"), "framework");
        yield return Bad(r, "report_received missing", With(r, b => b.Remove("report_received")), "report_received");
        yield return Bad(r, "report_received in the future", With(r, b => b["report_received"] = "2018-04-04"), "report_received");
        yield return Bad(r, "report_published in the future", With(r, b => b["report_published"] = "2018-05-01"), "report_published");
        yield return Bad(r, "an id with a space", With(r, b => b["id"] = "ep new"), "id");
        yield return Bad(r, "an id of 65 characters", With(r, b => b["id"] = new string('e', 65)), "id");
        yield return Bad(r, "an id with a slash", With(r, b => b["id"] = "../ep"), "id");
        yield return Bad(r, "the id of an existing episode", With(r, b => b["id"] = "sif-2017-20170904"), null, HttpStatusCode.Conflict);
        yield return Bad(r, "a case event in an episode", With(r, b => b["events"] = new JsonArray(Obj("""{"type":"icpc_held","date":"2017-12-01"}"""))), "events[0].type");
        yield return Bad(r, "an event before the report", With(r, b => b["events"] = new JsonArray(Obj("""{"type":"action_plan_submitted","date":"2017-01-02"}"""))), "events[0].date");
        foreach (var request in Dates(r, d => With(r, b => b["report_received"] = d), "report_received"))
        {
            yield return request;
        }
    }

    private static IEnumerable<HostileRequest> EpisodeEvent(Route r)
    {
        yield return Bad(r, "an unknown judgement", """{"type":"reinspection_outcome","date":"2017-11-20","judgement":"satisfactory"}""", "judgement");
        yield return Bad(r, "a route missing", """{"type":"intervention_route_recorded","date":"2017-11-20"}""", "route");
        yield return Bad(r, "a judgement on a visit", """{"type":"monitoring_visit_held","date":"2017-11-20","judgement":"good"}""", "judgement");
        yield return Bad(r, "an action plan before the report", With(r, b => b["date"] = "2017-01-02"), "date");
        yield return Bad(r, "a case event on an episode", """{"type":"cp_visit_made","date":"2017-11-20"}""", "type");
        yield return Bad(r, "a future visit", """{"type":"monitoring_visit_held","date":"2018-06-01"}""", "date");
    }

    private static IEnumerable<HostileRequest> Acknowledge(Route r)
    {
        yield return Bad(r, "reason missing", "{}", "reason");
        yield return Bad(r, "reason a number", """{"reason":7}""", "reason");
        yield return Bad(r, "reason of 1,001 characters", $$"""{"reason":"{{new string('r', 1_001)}}"}""", "reason");
        yield return Bad(r, "reason with CR LF", """{"reason":"booked\r\nSubject: hi"}""", "reason");
        yield return Bad(r, "expires in the past", """{"reason":"booked","expires":"2018-01-01"}""", "expires");
        yield return Bad(r, "expires not a date", """{"reason":"booked","expires":"soon"}""", "expires");
        yield return Bad(r, "expires 30 February", """{"reason":"booked","expires":"2018-02-30"}""", "expires");
    }

    private static IEnumerable<HostileRequest> AuthorityPut(Route r)
    {
        yield return Bad(r, "name missing", With(r, b => b.Remove("name")), "name");
        yield return Bad(r, "name with CR LF", With(r, b => b["name"] = "Council\r\nBcc: x@example.org"), "name");
        yield return Bad(r, "name of 201 characters", With(r, b => b["name"] = new string('n', 201)), "name");
        yield return Bad(r, "name a number", With(r, b => b["name"] = 1), "name");
        yield return Bad(r, "contacts a string", With(r, b => b["contacts"] = "po@example.org"), "contacts");
        yield return Bad(r, "an unknown role", With(r, b => b["contacts"] = Obj("""{"XX":"a@example.org"}""")), "contacts.XX");
        yield return Bad(r, "a contact that is not an email", With(r, b => b["contacts"] = Obj("""{"PO":"po"}""")), "contacts.PO");
        yield return Bad(r, "a contact list with a bad address", With(r, b => b["contacts"] = Obj("""{"PO":["po@example.org","x"]}""")), "contacts.PO[1]");
        yield return Bad(r, "51 addresses for one role", With(r, b => b["contacts"] = new JsonObject { ["PO"] = new JsonArray([.. Enumerable.Range(0, 51).Select(i => JsonValue.Create($"po{i}@example.org"))]) }), "contacts.PO");
        yield return Bad(r, "contacts past the stored limit", With(r, b =>
        {
            var contacts = new JsonObject();
            foreach (var role in new[] { "PO", "DCS", "CEX", "IBC", "DFE", "COM", "OFS", "IRO", "CPC", "TM", "HOS" })
            {
                contacts[role] = new JsonArray([.. Enumerable.Range(0, 50).Select(i => JsonValue.Create($"{role.ToLowerInvariant()}.officer.{i:D3}@{new string('d', 20)}.example"))]);
            }

            b["contacts"] = contacts;
        }), "contacts");
        yield return Bad(r, "an unknown parameter", With(r, b => b["parameters"] = Obj("""{"xyz":1}""")), "parameters.xyz");
        yield return Bad(r, "a parameter out of range", With(r, b => b["parameters"] = Obj("""{"horizon_years":99}""")), "parameters.horizon_years");
        yield return Bad(r, "a parameter of the wrong type", With(r, b => b["parameters"] = Obj("""{"horizon_years":"two"}""")), "parameters.horizon_years");
        yield return Bad(r, "closure days a string", With(r, b => b["closure_days"] = "2018-12-24"), "closure_days");
        yield return Bad(r, "a closure day 30 February", With(r, b => b["closure_days"] = new JsonArray("2018-02-30")), "closure_days[0]");
        yield return Bad(r, "an escalation policy that is an array", With(r, b => b["escalation_policy"] = new JsonArray()), "escalation_policy");
        yield return Bad(r, "an escalation policy for an unknown group", With(r, b => b["escalation_policy"] = Obj("""{"groups":{"Nope":{}}}""")), "escalation_policy.groups.Nope");
        yield return Bad(r, "an escalation policy past the stored limit", With(r, b => b["escalation_policy"] = new JsonObject
        {
            ["groups"] = new JsonObject { ["ChildProtection"] = new JsonObject { ["escalation"] = new JsonArray([.. Enumerable.Repeat(0, 9_000).Select(_ => JsonValue.Create("HOS"))]) } },
        }), "escalation_policy");
    }

    /// <summary>Path traversal, OData injection, control characters and lengths in every route value.</summary>
    private static IEnumerable<HostileRequest> RouteValues(string code, Route[] routes)
    {
        // No %00: Kestrel (and the Functions host in front of the worker) refuse a NUL in the path before any function runs.
        string[] hostile =
        [
            "%27%20or%201%20eq%201", "%27", "..%2F..%2Fetc", "..%5C..%5Cetc", "a%01b", "a%7Fb", "a%0D%0Ab", "a%5Cb", "a%23b", "a%3Fb",
            new string('v', 1_100), "%C3%BC%C3%B1%C3%AF", "*", "a%20b",
        ];
        var caseEvent = routes[2].Valid.ToJsonString();
        var caseBody = routes[0].Valid.ToJsonString();
        foreach (var value in hostile)
        {
            yield return new($"case create: caseRef {Short(value)}", HttpMethod.Post, $"/api/authorities/{code}/cases/{value}", Utf8(caseBody), Json, false, HttpStatusCode.BadRequest, "caseRef");
            yield return new($"case event: caseRef {Short(value)}", HttpMethod.Post, $"/api/authorities/{code}/cases/{value}/events", Utf8(caseEvent), Json, false, HttpStatusCode.BadRequest, "caseRef");
            yield return new($"case put: caseRef {Short(value)}", HttpMethod.Put, $"/api/authorities/{code}/cases/{value}", Utf8("""{"type":"LAC"}"""), Json, false, HttpStatusCode.BadRequest, "caseRef");
            yield return new($"episode event: id {Short(value)}", HttpMethod.Post, $"/api/authorities/{code}/episodes/{value}/events", Utf8(routes[4].Valid.ToJsonString()), Json, false, HttpStatusCode.BadRequest, "id");
            yield return new($"acknowledge: key {Short(value)}", HttpMethod.Post, $"/api/authorities/{code}/alerts/{value}/acknowledge", Utf8("""{"reason":"x"}"""), Json, false, HttpStatusCode.BadRequest, "key");
            yield return new($"authority put: code {Short(value)}", HttpMethod.Put, $"/api/authorities/{value}", Utf8("""{"name":"x"}"""), Json, true, HttpStatusCode.BadRequest, "code");
            yield return new($"keys: code {Short(value)}", HttpMethod.Post, $"/api/authorities/{value}/keys", null, null, true, HttpStatusCode.BadRequest, "code");
            yield return new($"purge: code {Short(value)}", HttpMethod.Delete, $"/api/authorities/{value}?purge=true", null, null, true, HttpStatusCode.BadRequest, "code");
        }

        // An authority key on another authority's routes, and on operator routes.
        yield return new("case event: another authority", HttpMethod.Post, "/api/authorities/another-council/cases/CP-H1/events", Utf8(caseEvent), Json, false, HttpStatusCode.Forbidden, null);
        yield return new("authority put: an authority key", HttpMethod.Put, $"/api/authorities/{code}", Utf8("""{"name":"x"}"""), Json, false, HttpStatusCode.Forbidden, null);
        yield return new("keys: an authority key", HttpMethod.Post, $"/api/authorities/{code}/keys", null, null, false, HttpStatusCode.Forbidden, null);
        yield return new("purge: without purge=true", HttpMethod.Delete, $"/api/authorities/{code}", null, null, true, HttpStatusCode.BadRequest, "purge");
        yield return new("purge: an authority key", HttpMethod.Delete, $"/api/authorities/{code}?purge=true", null, null, false, HttpStatusCode.Forbidden, null);
        yield return new("sweep: an authority key", HttpMethod.Post, "/api/ops/sweep", null, null, false, HttpStatusCode.Forbidden, null);
        yield return new("keys: an unknown authority", HttpMethod.Post, "/api/authorities/no-such-council/keys", null, null, true, HttpStatusCode.NotFound, null);
        yield return new("case event: an unknown case", HttpMethod.Post, $"/api/authorities/{code}/cases/CP-NONE/events", Utf8(caseEvent), Json, false, HttpStatusCode.NotFound, null);
        yield return new("case create: an existing case", HttpMethod.Post, $"/api/authorities/{code}/cases/CP-H1", Utf8(caseBody), Json, false, HttpStatusCode.Conflict, null);
    }

    private static string Short(string value) => value.Length > 40 ? $"{value[..10]}… ({value.Length} characters)" : value;
}
