namespace Scheduler.Domain.Rules;

/// <summary>One date rule ("timescale") of the rules catalogue, as data.</summary>
public sealed record RuleDefinition
{
    /// <summary>The catalogue id, for example <c>action_plan_submission</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The catalogue reference, for example "A4" or "E12".</summary>
    public required string Reference { get; init; }

    /// <summary>The milestone title in the domain's words.</summary>
    public required string Title { get; init; }

    /// <summary>
    /// What the rule means, in plain English for the people alerted: one or two sentences, no rule ids. Shown on
    /// the action page, in alert emails and in calendar feed descriptions.
    /// </summary>
    public required string Plain { get; init; }

    /// <summary>
    /// What the people alerted are asked to do to meet the milestone, or, for another body's step, what to check;
    /// one sentence, the same at every alert level (the alert wording adds what each level asks on top).
    /// </summary>
    public required string Ask { get; init; }

    /// <summary>Who owns the event (the body that has to act).</summary>
    public required string Owner { get; init; }

    /// <summary>What starts the clock (day 0).</summary>
    public required string Trigger { get; init; }

    /// <summary>The offset from the trigger to the (last) due date; null when the rule computes no date.</summary>
    public RuleOffset? Offset { get; init; }

    /// <summary>For windows, the offset from the trigger to the first day of the window.</summary>
    public RuleOffset? WindowStart { get; init; }

    /// <summary>For repeating rules, the interval between occurrences; null when it equals <see cref="Offset"/>.</summary>
    public RuleOffset? RepeatInterval { get; init; }

    public required BoundKind Bound { get; init; }

    public required RepeatMode Repeat { get; init; }

    /// <summary>Primary recipients, from the routing matrix.</summary>
    public required IReadOnlyList<Role> Audience { get; init; }

    /// <summary>Who a slipped milestone escalates to (a design recommendation).</summary>
    public IReadOnlyList<Role> Escalation { get; init; } = [];

    /// <summary>Who is kept informed.</summary>
    public IReadOnlyList<Role> Informed { get; init; } = [];

    public required RuleGroup Group { get; init; }

    public required RuleStrength Strength { get; init; }

    /// <summary>The public source: document title and paragraph or regulation.</summary>
    public required string Source { get; init; }

    /// <summary>What the sources leave unclear and how it is resolved, if anything.</summary>
    public string? Ambiguity { get; init; }

    /// <summary>Dated steps, for rules that yield several milestones per trigger.</summary>
    public IReadOnlyList<RuleStep> Steps { get; init; } = [];

    /// <summary>
    /// True when no event records the milestone as done (another body's step): once its date passes it is
    /// history, not a failure of the authority.
    /// </summary>
    public bool Informational { get; init; }

    /// <summary>Whether the rule yields dates at all (open items, flags and event-driven rules do not).</summary>
    public bool Computable => Offset is not null || Steps.Count > 0;

    /// <summary>Whether an authority may override the rule (LOCAL or UNVERIFIED strength).</summary>
    public bool IsParameter => Strength.IsParameter();

    /// <summary>The interval between repeats: <see cref="RepeatInterval"/> or, failing that, <see cref="Offset"/>.</summary>
    public RuleOffset? Interval => RepeatInterval ?? Offset;
}
