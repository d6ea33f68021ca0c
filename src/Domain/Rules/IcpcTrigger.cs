namespace Scheduler.Domain.Rules;

/// <summary>Which date starts the 15-working-day clock for an initial child protection conference.</summary>
public enum IcpcTrigger
{
    /// <summary>The strategy discussion at which section 47 enquiries started (Working Together; default).</summary>
    StrategyDiscussion,

    /// <summary>The section 47 start date (the DfE children in need census measure).</summary>
    Section47Start,
}
