using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
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
    public static IReadOnlyList<ApiMilestoneJson> From(SubjectView view, AcknowledgementLookup acknowledgements)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(acknowledgements);
        return [.. view.Milestones.Select(m => From(view.Subject.Kind, view.Subject.Id, m, acknowledgements))];
    }

    /// <summary>The document <c>{"milestones":[…]}</c> of the episode calendar and case milestone routes.</summary>
    public static ApiMilestonesDocument Document(SubjectView view, AcknowledgementLookup acknowledgements) => new(From(view, acknowledgements));

    private static ApiMilestoneJson From(SubjectKind kind, string subjectId, Milestone milestone, AcknowledgementLookup acknowledgements)
    {
        var key = MilestoneKeys.For(kind, subjectId, milestone);
        var held = acknowledgements.Holding(key, milestone);
        return new ApiMilestoneJson(MilestoneJson.From(milestone), key, held is null ? null : AcknowledgementView.From(held));
    }
}

/// <summary>One milestone as the API returns it: the CLI's fields, then its milestone key and the acknowledgement holding it.</summary>
public sealed record ApiMilestoneJson : MilestoneJson
{
    /// <summary>The CLI's milestone with the API's two fields.</summary>
    [SetsRequiredMembers]
    public ApiMilestoneJson(MilestoneJson milestone, string milestoneKey, AcknowledgementView? acknowledgement)
        : base(milestone)
    {
        MilestoneKey = milestoneKey;
        Acknowledgement = acknowledgement;
    }

    /// <summary>The milestone's key within its authority, as <c>…/milestones/{milestone_key}/acknowledge</c> takes it.</summary>
    [JsonPropertyOrder(1)]
    public string MilestoneKey { get; init; }

    /// <summary>The acknowledgement holding it today (who, when, why, until when), or null.</summary>
    [JsonPropertyOrder(2)]
    public AcknowledgementView? Acknowledgement { get; init; }
}

/// <summary>The document <c>{"milestones":[…]}</c> of an episode's calendar or a case's milestones.</summary>
public sealed record ApiMilestonesDocument(IReadOnlyList<ApiMilestoneJson> Milestones);
