using NodaTime;
using NodaTime.Text;
using Scheduler.Domain.Children;
using Scheduler.Domain.Oversight;
using Scheduler.Domain.Validation;

namespace Scheduler.Domain.Events;

/// <summary>
/// Builds typed events from the wire shape the API and the queue carry: a type name and string fields.
/// Fields: <c>date</c> (yyyy-MM-dd, always), <c>judgement</c> (inadequate | requires_improvement | good |
/// outstanding), <c>route</c> (improvement_notice | direction_and_commissioner), <c>kind</c> (placement kind in
/// snake_case, for example long_term_foster), <c>child_agrees</c> (true | false), <c>interval_months</c> (6 | 12),
/// <c>milestone</c> (a milestone key). Unknown types and bad fields throw <see cref="DomainValidationException"/>.
/// </summary>
public static class EventFactory
{
    /// <summary>An oversight episode event.</summary>
    public static OversightEvent Oversight(string type, IReadOnlyDictionary<string, string?> fields)
    {
        var errors = new List<ValidationError>();
        var date = Date(fields, errors);
        OversightEvent? result = type switch
        {
            EventTypes.ReportPublished => new ReportPublished(date),
            EventTypes.FocusedVisitLetterReceived => new FocusedVisitLetterReceived(date),
            EventTypes.ActionPlanningVisitHeld => new ActionPlanningVisitHeld(date),
            EventTypes.DraftActionPlanSubmitted => new DraftActionPlanSubmitted(date),
            EventTypes.ActionPlanSubmitted => new ActionPlanSubmitted(date),
            EventTypes.MonitoringVisitAgreed => new MonitoringVisitAgreed(date),
            EventTypes.MonitoringVisitHeld => new MonitoringVisitHeld(date),
            EventTypes.CommissionerAppointed => new CommissionerAppointed(date),
            EventTypes.InterventionRouteRecorded => new InterventionRouteRecorded(date, Parse<InterventionRoute>(fields, "route", errors)),
            EventTypes.DfeReviewHeld => new DfeReviewHeld(date),
            EventTypes.ImprovementBoardHeld => new ImprovementBoardHeld(date),
            EventTypes.InterimArrangementStarted => new InterimArrangementStarted(date),
            EventTypes.ImprovementPlanApproved => new ImprovementPlanApproved(date),
            EventTypes.CapacityFindingRecorded => new CapacityFindingRecorded(date),
            EventTypes.AnnualEngagementMeetingHeld => new AnnualEngagementMeetingHeld(date),
            EventTypes.ReinspectionFieldworkStarted => new ReinspectionFieldworkStarted(date),
            EventTypes.ReinspectionOutcome => new ReinspectionOutcomeRecorded(date, Parse<Judgement>(fields, "judgement", errors)),
            EventTypes.MilestoneCompleted => new OversightMilestoneCompleted(date, Required(fields, "milestone", errors)),
            _ => null,
        };
        if (result is null)
        {
            errors.Insert(0, UnknownType(type, EventTypes.Oversight));
        }

        return errors.Count == 0 ? result! : throw new DomainValidationException(errors);
    }

    /// <summary>A child case event.</summary>
    public static ChildCaseEvent ChildCase(string type, IReadOnlyDictionary<string, string?> fields)
    {
        var errors = new List<ValidationError>();
        var date = Date(fields, errors);
        ChildCaseEvent? result = type switch
        {
            EventTypes.ReferralReceived => new ReferralReceived(date),
            EventTypes.StrategyDiscussion => new StrategyDiscussionHeld(date),
            EventTypes.S47Started => new S47Started(date),
            EventTypes.IcpcHeld => new IcpcHeld(date),
            EventTypes.IcpcNotRequired => new IcpcNotRequired(date),
            EventTypes.CpReviewHeld => new CpReviewHeld(date),
            EventTypes.CoreGroupHeld => new CoreGroupHeld(date),
            EventTypes.CpVisitMade => new CpVisitMade(date),
            EventTypes.CpPlanEnded => new CpPlanEnded(date),
            EventTypes.BecameLookedAfter => new BecameLookedAfter(date),
            EventTypes.PlacementStarted => new PlacementStarted(
                date,
                Parse<PlacementKind>(fields, "kind", errors),
                OptionalBool(fields, "child_agrees", errors)),
            EventTypes.LookedAfterReviewHeld => new LookedAfterReviewHeld(date),
            EventTypes.StatutoryVisitMade => new StatutoryVisitMade(date),
            EventTypes.HealthAssessmentHeld => new HealthAssessmentHeld(date, IntervalMonths(fields, errors)),
            EventTypes.IroAppointed => new IroAppointed(date),
            EventTypes.PathwayEligibilityRecorded => new PathwayEligibilityRecorded(date),
            EventTypes.PrivateFosteringNotified => new PrivateFosteringNotified(date),
            EventTypes.AdopterAssessmentStarted => new AdopterAssessmentStarted(date),
            EventTypes.ChildDeathNotified => new ChildDeathNotified(date),
            EventTypes.CaseClosed => new CaseClosed(date),
            EventTypes.MilestoneCompleted => new CaseMilestoneCompleted(date, Required(fields, "milestone", errors)),
            _ => null,
        };
        if (result is null)
        {
            errors.Insert(0, UnknownType(type, EventTypes.ChildCase));
        }

        return errors.Count == 0 ? result! : throw new DomainValidationException(errors);
    }

    /// <summary>The snake_case wire name of an enum value (for example RequiresImprovement → requires_improvement).</summary>
    public static string WireName<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var chars = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && !char.IsDigit(name[i - 1]) && !char.IsUpper(name[i - 1]))
            {
                chars.Append('_');
            }
            else if (char.IsDigit(c) && i > 0 && !char.IsDigit(name[i - 1]))
            {
                chars.Append('_');
            }

            chars.Append(char.ToLowerInvariant(c));
        }

        return chars.ToString();
    }

    private static ValidationError UnknownType(string type, IReadOnlyList<string> known) =>
        new("type", $"Unknown event type '{type}'. Known types: {string.Join(", ", known)}.");

    private static LocalDate Date(IReadOnlyDictionary<string, string?> fields, List<ValidationError> errors)
    {
        var text = Required(fields, "date", errors);
        if (text.Length == 0)
        {
            return default;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            errors.Add(new("date", $"'{text}' is not a date in the form yyyy-MM-dd."));
            return default;
        }

        return parsed.Value;
    }

    private static string Required(IReadOnlyDictionary<string, string?> fields, string name, List<ValidationError> errors)
    {
        if (fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        errors.Add(new(name, "Required."));
        return string.Empty;
    }

    private static TEnum Parse<TEnum>(IReadOnlyDictionary<string, string?> fields, string name, List<ValidationError> errors)
        where TEnum : struct, Enum
    {
        var text = Required(fields, name, errors);
        if (text.Length == 0)
        {
            return default;
        }

        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(WireName(value), text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        errors.Add(new(name, $"'{text}' is not one of: {string.Join(", ", Enum.GetValues<TEnum>().Select(v => WireName(v)))}."));
        return default;
    }

    private static bool OptionalBool(IReadOnlyDictionary<string, string?> fields, string name, List<ValidationError> errors)
    {
        if (!fields.TryGetValue(name, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        errors.Add(new(name, $"'{text}' is not true or false."));
        return false;
    }

    private static int IntervalMonths(IReadOnlyDictionary<string, string?> fields, List<ValidationError> errors)
    {
        var text = Required(fields, "interval_months", errors);
        if (text.Length == 0)
        {
            return 0;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var months) && months is 6 or 12)
        {
            return months;
        }

        errors.Add(new("interval_months", $"'{text}' is not 6 or 12 (months until the next health assessment)."));
        return 0;
    }
}
