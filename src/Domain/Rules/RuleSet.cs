namespace Scheduler.Domain.Rules;

/// <summary>A named framework's rules: the Ofsted regime plus the rules common to every framework.</summary>
public sealed class RuleSet
{
    private readonly Dictionary<string, RuleDefinition> _byId;

    public RuleSet(string id, string title, IEnumerable<RuleDefinition> rules)
    {
        Id = id;
        Title = title;
        Rules = [.. rules];
        _byId = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            if (!_byId.TryAdd(rule.Id, rule))
            {
                throw new ArgumentException($"Rule set '{id}' lists rule '{rule.Id}' twice.", nameof(rules));
            }
        }
    }

    /// <summary>The framework id, for example <c>sif-2017</c>.</summary>
    public string Id { get; }

    public string Title { get; }

    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>Whether the set has a rule with this id.</summary>
    public bool Contains(string ruleId) => _byId.ContainsKey(ruleId);

    /// <summary>The rule with this id; throws <see cref="KeyNotFoundException"/> naming the id and the set.</summary>
    public RuleDefinition this[string ruleId] =>
        _byId.TryGetValue(ruleId, out var rule)
            ? rule
            : throw new KeyNotFoundException($"Rule set '{Id}' has no rule '{ruleId}'.");

    /// <summary>The rule with this id, or null.</summary>
    public RuleDefinition? Find(string ruleId) => _byId.GetValueOrDefault(ruleId);
}
