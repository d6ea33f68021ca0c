namespace Scheduler.Functions.Http;

/// <summary>The route templates of the HTTP functions (host.json's route prefix is empty, so each names its full path).</summary>
public static class Routes
{
    public const string Authorities = "api/authorities";
    public const string Authority = "api/authorities/{code}";
    public const string Keys = "api/authorities/{code}/keys";
    public const string Key = "api/authorities/{code}/keys/{keyId}";
    public const string Episodes = "api/authorities/{code}/episodes";
    public const string Episode = "api/authorities/{code}/episodes/{id}";
    public const string EpisodeEvents = "api/authorities/{code}/episodes/{id}/events";
    public const string EpisodeCalendar = "api/authorities/{code}/episodes/{id}/calendar";
    public const string CalendarFeed = "api/authorities/{code}/calendar.ics";
    public const string Cases = "api/authorities/{code}/cases";
    public const string Case = "api/authorities/{code}/cases/{caseRef}";
    public const string CaseEvents = "api/authorities/{code}/cases/{caseRef}/events";
    public const string CaseMilestones = "api/authorities/{code}/cases/{caseRef}/milestones";
    public const string WorkList = "api/authorities/{code}/worklist";
    public const string AcknowledgeMilestone = "api/authorities/{code}/milestones/{milestoneKey}/acknowledge";

    /// <summary>Deprecated: acknowledging by alert key, mapped to the alert's milestone (one more release).</summary>
    public const string Acknowledge = "api/authorities/{code}/alerts/{key}/acknowledge";
    public const string Acknowledgements = "api/authorities/{code}/alerts/acknowledgements";
    public const string Imports = "api/authorities/{code}/imports";
    public const string Sweep = "api/ops/sweep";
    public const string Outbox = "api/ops/outbox";
    public const string ActionPage = "a/{token}";
    public const string ActionAcknowledge = "a/{token}/acknowledge";
    public const string ActionDone = "a/{token}/done";
    public const string Health = "health";
    public const string OpenApi = "openapi/v1.json";

    /// <summary>Every path no other function takes (404, or 405 where another method would do).</summary>
    public const string Unmatched = "{*path}";
}
