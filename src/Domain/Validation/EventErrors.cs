namespace Scheduler.Domain.Validation;

/// <summary>Turns the fact errors an event introduced into errors against the event's own fields.</summary>
internal static class EventErrors
{
    /// <summary>
    /// The errors in <paramref name="after"/> that were not already in <paramref name="before"/>, reported against
    /// the event's <c>date</c> field and naming the fact they concern.
    /// </summary>
    public static List<ValidationError> Introduced(IReadOnlyList<ValidationError> before, IReadOnlyList<ValidationError> after)
    {
        var existing = new HashSet<ValidationError>(before);
        var introduced = new List<ValidationError>();
        foreach (var error in after)
        {
            if (!existing.Contains(error))
            {
                introduced.Add(new("date", $"{error.Field}: {error.Reason}"));
            }
        }

        return introduced;
    }
}
