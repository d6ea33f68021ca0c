namespace Scheduler.Domain.Validation;

/// <summary>
/// A table of <see cref="OrderRule"/>s and the pairs of dated facts it forbids. Every rule compares two facts and
/// nothing else (never "the first of", never "one must exist"), so a set of events the table accepts is accepted
/// whatever order its events arrive in, and every part of it is accepted too.
/// </summary>
internal sealed class OrderRules
{
    private readonly IReadOnlyList<OrderRule> _rules;

    public OrderRules(IReadOnlyList<OrderRule> rules) => _rules = rules;

    /// <summary>Every forbidden pair among <paramref name="facts"/>, rule by rule, in the order the facts are given.</summary>
    public List<OrderConflict> Conflicts(IReadOnlyList<DatedFact> facts)
    {
        var byKind = new Dictionary<string, List<DatedFact>>(StringComparer.Ordinal);
        foreach (var f in facts)
        {
            if (!byKind.TryGetValue(f.Kind, out var list))
            {
                byKind[f.Kind] = list = [];
            }

            list.Add(f);
        }

        var conflicts = new List<OrderConflict>();
        foreach (var rule in _rules)
        {
            if (!byKind.TryGetValue(rule.Later, out var later))
            {
                continue;
            }

            IReadOnlyList<DatedFact> earlier = rule.Earlier == OrderRule.AnyOther
                ? facts
                : byKind.TryGetValue(rule.Earlier, out var found) ? found : [];
            foreach (var l in later)
            {
                foreach (var e in earlier)
                {
                    if (e.Kind != rule.Later && l.Date < e.Date)
                    {
                        conflicts.Add(new OrderConflict(l, e, rule));
                    }
                }
            }
        }

        return conflicts;
    }
}
