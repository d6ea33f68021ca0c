using Scheduler.Domain.Calendar;
using Scheduler.Domain.Rules;
using Scheduler.Functions.State;

namespace Scheduler.Functions.Application;

/// <summary>What a computation needs from its authority: parameters, the statutory calendar and the local one (closure days removed).</summary>
public sealed record AuthorityContext(AuthorityRecord Authority, AuthorityParameters Parameters, WorkingDayCalendar Statutory, WorkingDayCalendar Local)
{
    /// <summary>Builds the context of a stored authority (its parameters were validated when stored).</summary>
    public static AuthorityContext From(AuthorityRecord authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        var statutory = WorkingDayCalendar.EnglandAndWales;
        var local = statutory.WithClosureDays(authority.ClosureDays);
        return new AuthorityContext(authority, AuthorityParametersJson.Parse(authority.Parameters), statutory, local);
    }
}
