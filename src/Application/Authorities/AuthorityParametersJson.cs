using System.Collections.Frozen;
using System.Text.Json;
using Scheduler.Domain.Events;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.Authorities;

/// <summary>
/// Reads an authority's parameter overrides: an object with any of the <see cref="AuthorityParameters"/>
/// properties in snake_case (for example <c>{"cp_visit_interval_working_days":15,"local_practice_rules":["cp_plan_visits"],
/// "offset_overrides":{"core_group_first":{"amount":15,"unit":"working_days"}}}</c>). Missing values keep the defaults.
/// </summary>
public static class AuthorityParametersJson
{
    /// <summary>Parses and validates; errors name <c>{path}.{field}</c>.</summary>
    public static AuthorityParameters Parse(JsonElement? element, string path = "parameters")
    {
        if (element is not { } json)
        {
            return AuthorityParameters.Default;
        }

        var r = new StrictObject(json, path);
        var d = AuthorityParameters.Default;
        var result = d with
        {
            CpVisitIntervalWorkingDays = r.OptionalInt("cp_visit_interval_working_days", 1, 60) ?? d.CpVisitIntervalWorkingDays,
            CoreGroupFirstWorkingDays = r.OptionalInt("core_group_first_working_days", 1, 60) ?? d.CoreGroupFirstWorkingDays,
            CoreGroupIntervalWeeks = r.OptionalInt("core_group_interval_weeks", 1, 26) ?? d.CoreGroupIntervalWeeks,
            StrategyDiscussionLimitWorkingDays = r.OptionalInt("strategy_discussion_limit_working_days", 1, 60) ?? d.StrategyDiscussionLimitWorkingDays,
            IroAppointmentWorkingDays = r.OptionalInt("iro_appointment_working_days", 1, 60) ?? d.IroAppointmentWorkingDays,
            ImprovementBoardIntervalMonths = r.OptionalInt("improvement_board_interval_months", 1, 12) ?? d.ImprovementBoardIntervalMonths,
            InterimArrangementMonths = r.OptionalInt("interim_arrangement_months", 1, 36) ?? d.InterimArrangementMonths,
            TransitionalPlanMonths = r.OptionalInt("transitional_plan_months", 1, 24) ?? d.TransitionalPlanMonths,
            ImprovementPlanHorizonYears = r.OptionalInt("improvement_plan_horizon_years", 1, 10) ?? d.ImprovementPlanHorizonYears,
            MonitoringVisitSoftWarningMonths = r.OptionalInt("monitoring_visit_soft_warning_months", 1, 24) ?? d.MonitoringVisitSoftWarningMonths,
            ReinspectionPlanningAlertMonths = r.OptionalInt("reinspection_planning_alert_months", 1, 24) ?? d.ReinspectionPlanningAlertMonths,
            HorizonYears = r.OptionalInt("horizon_years", 1, 10) ?? d.HorizonYears,
            DfeReviewAnchor = EnumValue(r, "dfe_review_anchor", d.DfeReviewAnchor),
            IcpcTrigger = EnumValue(r, "icpc_trigger", d.IcpcTrigger),
            LocalPracticeRules = r.OptionalArray("local_practice_rules", 100)
                .Select((e, i) => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new ValidationException($"{r.PathOf("local_practice_rules")}[{i}]", "must be a rule id"))
                .ToFrozenSet(StringComparer.Ordinal),
            OffsetOverrides = Overrides(r.OptionalObject("offset_overrides")),
        };
        r.RejectUnknown();

        var errors = result.Validate();
        return errors.Count == 0
            ? result
            : throw new ValidationException([.. errors.Select(e => new FieldError($"{path}.{Snake(e.Field)}", e.Reason))]);
    }

    private static TEnum EnumValue<TEnum>(StrictObject r, string name, TEnum fallback)
        where TEnum : struct, Enum
    {
        var text = r.OptionalString(name, 60);
        if (text is null)
        {
            return fallback;
        }

        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(EventFactory.WireName(value), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new ValidationException(r.PathOf(name), $"must be one of {string.Join(", ", Enum.GetValues<TEnum>().Select(v => EventFactory.WireName(v)))}");
    }

    private static FrozenDictionary<string, RuleOffset> Overrides(StrictObject? map)
    {
        if (map is null)
        {
            return FrozenDictionary<string, RuleOffset>.Empty;
        }

        var result = new Dictionary<string, RuleOffset>(StringComparer.Ordinal);
        foreach (var ruleId in map.FieldNames.ToList())
        {
            var o = map.OptionalObject(ruleId) ?? throw new ValidationException(map.PathOf(ruleId), "must be {\"amount\":n,\"unit\":\"working_days\"}");
            var amount = o.OptionalInt("amount", 1, 1000) ?? throw new ValidationException(o.PathOf("amount"), "is required");
            var unit = EnumValue(o, "unit", (OffsetUnit)(-1));
            if (!Enum.IsDefined(unit))
            {
                throw new ValidationException(o.PathOf("unit"), "is required");
            }

            o.RejectUnknown();
            result[ruleId] = new RuleOffset(amount, unit);
        }

        map.RejectUnknown();
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string Snake(string field)
    {
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        var head = bracket < 0 ? field : field[..bracket];
        var tail = bracket < 0 ? string.Empty : field[bracket..];
        return JsonNamingPolicy.SnakeCaseLower.ConvertName(head) + tail;
    }
}
