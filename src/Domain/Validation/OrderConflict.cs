namespace Scheduler.Domain.Validation;

/// <summary>Two dated facts a rule forbids together: <see cref="Later"/> is dated before <see cref="Earlier"/>.</summary>
internal readonly record struct OrderConflict(DatedFact Later, DatedFact Earlier, OrderRule Rule)
{
    /// <summary>The error against <paramref name="blamed"/> (one of the two), naming the other as <paramref name="otherName"/>.</summary>
    public string Describe(DatedFact blamed, string otherName)
    {
        var other = blamed == Later ? Earlier : Later;
        var relation = blamed == Later ? "before" : "after";
        return $"{blamed.Date:uuuu-MM-dd} is {relation} {otherName} on {other.Date:uuuu-MM-dd}: {Rule.Reason}.";
    }
}
