namespace Scheduler.Domain.Validation;

/// <summary>
/// A date-order rule: nothing of kind <see cref="Later"/> may be dated before anything of kind <see cref="Earlier"/>
/// (the same day is allowed). <see cref="Reason"/> says why in words fit for an API problem body.
/// </summary>
internal sealed record OrderRule(string Later, string Earlier, string Reason)
{
    /// <summary>As <see cref="Earlier"/>: every kind but <see cref="Later"/> itself (nothing after a case closed).</summary>
    public const string AnyOther = "*";
}
