using System.Text.Json;
using System.Text.Json.Nodes;
using Scheduler.Contracts;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Milestones;

namespace Scheduler.Functions.Views;

/// <summary>
/// Milestones as the API returns them: the CLI's milestone object (<see cref="MilestoneJson"/>, unchanged) plus
/// <c>milestone_key</c> (what <c>…/milestones/{milestone_key}/acknowledge</c> takes) and <c>acknowledgement</c>
/// (the one holding it today, or null). The CLI has no authority or stored acknowledgements, so these two fields
/// are added here rather than to the shared contract.
/// </summary>
public static class MilestoneViews
{
    /// <summary>The milestones of one subject.</summary>
    public static JsonArray From(SubjectView view, AcknowledgementLookup acknowledgements)
    {
        ArgumentNullException.ThrowIfNull(view);
        return [.. view.Milestones.Select(m => (JsonNode)From(view.Subject.Kind, view.Subject.Id, m, acknowledgements))];
    }

    /// <summary>The document <c>{"milestones":[…]}</c> of the episode calendar and case milestone routes.</summary>
    public static JsonObject Document(SubjectView view, AcknowledgementLookup acknowledgements) =>
        new() { ["milestones"] = From(view, acknowledgements) };

    private static JsonObject From(SubjectKind kind, string subjectId, Milestone milestone, AcknowledgementLookup acknowledgements)
    {
        ArgumentNullException.ThrowIfNull(acknowledgements);
        var node = JsonSerializer.SerializeToNode(MilestoneJson.From(milestone), ContractJson.Options)!.AsObject();
        var key = AcknowledgementLookup.KeyOf(kind, subjectId, milestone);
        node["milestone_key"] = key;
        node["acknowledgement"] = acknowledgements.Holding(key, milestone) is { } held
            ? JsonSerializer.SerializeToNode(AcknowledgementView.From(held), ApiJson.Options)
            : null;
        return node;
    }
}
