using System.CommandLine;
using NodaTime;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Children;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Oversight;
using Scheduler.Domain.Rules;
using Scheduler.Domain.Validation;

namespace Scheduler.Cli.Commands;

/// <summary>
/// <c>scheduler calendar</c> (an oversight episode) and <c>scheduler case cp|lac</c> (a child's case): build the facts
/// from options, validate them, compute the milestones and print them as JSON, a table or an iCalendar feed.
/// </summary>
public static class CalendarCommands
{
    /// <summary>Builds the commands.</summary>
    public static IEnumerable<Command> Create(CliContext context) => [Oversight(context), Case(context)];

    private static Command Oversight(CliContext context)
    {
        var received = CliOptions.Date("--report-received", "The date the authority received the inspection report (the statutory clock starts here)", required: true);
        var published = CliOptions.Date("--report-published", "The date the report was published");
        var framework = new Option<string>("--framework")
        {
            Description = "Ofsted framework: " + string.Join(", ", RuleSets.All.Select(s => s.Id)),
            DefaultValueFactory = _ => RuleSets.DefaultId,
        };
        framework.AcceptOnlyFromAmong([.. RuleSets.All.Select(s => s.Id)]);
        var commissioner = CliOptions.Date("--commissioner-appointed", "The date a DfE commissioner was appointed");
        var planSubmitted = CliOptions.Date("--action-plan-submitted", "The date the written statement of action (action plan) was submitted");
        var apv = CliOptions.Date("--action-planning-visit", "The date of the action planning visit");
        var visits = CliOptions.Dates("--monitoring-visit", "First on-site day of a monitoring visit held");
        var agreed = CliOptions.Dates("--monitoring-visit-agreed", "First on-site day of a monitoring visit agreed with Ofsted, not yet held");
        var dfeReviews = CliOptions.Dates("--dfe-review", "A DfE progress review held");
        var planApproved = CliOptions.Date("--improvement-plan-approved", "The date the improvement plan was approved");
        var episode = new Option<string?>("--episode-id") { Description = "Episode id used in iCalendar titles and UIDs (defaults to episode-<report received>)" };
        var today = CliOptions.Today();
        var format = CliOptions.Format("json", "text", "ics");

        var command = new Command("calendar", "The oversight calendar of an authority judged inadequate: Ofsted, DfE intervention and governance dates.")
        {
            received, published, framework, commissioner, planSubmitted, apv, visits, agreed, dfeReviews, planApproved, episode, today, format,
        };
        command.SetAction(parse =>
        {
            var facts = new OversightFacts
            {
                ReportReceived = parse.GetValue(received)!.Value,
                ReportPublished = parse.GetValue(published),
                Framework = parse.GetValue(framework) ?? RuleSets.DefaultId,
                CommissionerAppointed = parse.GetValue(commissioner),
                ActionPlanSubmitted = parse.GetValue(planSubmitted),
                ActionPlanningVisit = parse.GetValue(apv),
                MonitoringVisitsHeld = parse.GetValue(visits) ?? [],
                MonitoringVisitsAgreed = parse.GetValue(agreed) ?? [],
                DfeReviewsHeld = parse.GetValue(dfeReviews) ?? [],
                ImprovementPlanApproved = parse.GetValue(planApproved),
            };
            var asOf = parse.GetValue(today) ?? context.Today;
            var calendar = WorkingDayCalendar.EnglandAndWales;
            ThrowIfInvalid(OversightFactsValidator.Validate(facts, calendar, asOf));
            var milestones = OversightCalendar.Compute(facts, AuthorityParameters.Default, calendar, calendar, asOf);

            var subject = parse.GetValue(episode) ?? $"episode-{Iso(facts.ReportReceived)}";
            MilestoneOutput.Write(context, parse.GetValue(format)!, milestones, SubjectKind.Episode, subject, $"Oversight calendar (report received {Iso(facts.ReportReceived)})");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Case(CliContext context)
    {
        var command = new Command("case", "A child's case dates: child protection (cp) or looked after (lac).");
        command.Subcommands.Add(ChildProtection(context));
        command.Subcommands.Add(LookedAfter(context));
        return command;
    }

    private static Command ChildProtection(CliContext context)
    {
        var strategy = CliOptions.Date("--strategy-discussion", "The strategy discussion at which section 47 enquiries started", required: true);
        var icpc = CliOptions.Date("--icpc", "The initial child protection conference");
        var reviews = CliOptions.Dates("--review", "A child protection review conference held");
        var visits = CliOptions.Dates("--visit", "A visit to the child on a plan");
        var coreGroups = CliOptions.Dates("--core-group", "A core group meeting held");
        var caseRef = CaseReference("cp");
        var today = CliOptions.Today();
        var format = CliOptions.Format("json", "text", "ics");

        var command = new Command("cp", "Child protection: initial and review conferences, core groups, visits.")
        {
            strategy, icpc, reviews, visits, coreGroups, caseRef, today, format,
        };
        command.SetAction(parse =>
        {
            var start = parse.GetValue(strategy)!.Value;
            var facts = new ChildCaseFacts
            {
                CaseReference = parse.GetValue(caseRef) ?? $"cp-{Iso(start)}",
                Type = CaseType.ChildProtection,
                StrategyDiscussion = start,
                Icpc = parse.GetValue(icpc),
                ReviewsHeld = parse.GetValue(reviews) ?? [],
                CpVisitsMade = parse.GetValue(visits) ?? [],
                CoreGroupsHeld = parse.GetValue(coreGroups) ?? [],
            };
            return RunCase(context, facts, parse.GetValue(today), parse.GetValue(format)!);
        });
        return command;
    }

    private static Command LookedAfter(CliContext context)
    {
        var lookedAfter = CliOptions.Date("--looked-after", "The date the child became looked after", required: true);
        var placements = CliOptions.Dates("--placement-start", "The start of a placement (defaults to the looked-after date)");
        var reviews = CliOptions.Dates("--review", "A looked-after review held");
        var visits = CliOptions.Dates("--visit", "A statutory visit made");
        var caseRef = CaseReference("lac");
        var today = CliOptions.Today();
        var format = CliOptions.Format("json", "text", "ics");

        var command = new Command("lac", "Looked-after child: reviews and statutory visits.")
        {
            lookedAfter, placements, reviews, visits, caseRef, today, format,
        };
        command.SetAction(parse =>
        {
            var start = parse.GetValue(lookedAfter)!.Value;
            var starts = parse.GetValue(placements) is { Length: > 0 } given ? given : [start];
            var facts = new ChildCaseFacts
            {
                CaseReference = parse.GetValue(caseRef) ?? $"lac-{Iso(start)}",
                Type = CaseType.LookedAfter,
                BecameLookedAfter = start,
                Placements = [.. starts.Order().Select(d => new Placement(d, PlacementKind.Standard))],
                LookedAfterReviewsHeld = parse.GetValue(reviews) ?? [],
                StatutoryVisitsMade = parse.GetValue(visits) ?? [],
            };
            return RunCase(context, facts, parse.GetValue(today), parse.GetValue(format)!);
        });
        return command;
    }

    private static int RunCase(CliContext context, ChildCaseFacts facts, LocalDate? today, string format)
    {
        var asOf = today ?? context.Today;
        var calendar = WorkingDayCalendar.EnglandAndWales;
        ThrowIfInvalid(ChildCaseFactsValidator.Validate(facts, calendar, asOf));
        var milestones = ChildCaseCalendar.Compute(facts, AuthorityParameters.Default, calendar, calendar, asOf);
        MilestoneOutput.Write(context, format, milestones, SubjectKind.Case, facts.CaseReference, $"Case {facts.CaseReference}");
        return ExitCodes.Success;
    }

    private static Option<string?> CaseReference(string kind) => new("--case-ref")
    {
        Description = $"The council's case reference (no names); used in iCalendar titles and UIDs (defaults to {kind}-<start date>)",
    };

    private static void ThrowIfInvalid(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new UsageException(string.Join("; ", errors.Select(e => $"{OptionName(e.Field)}: {e.Reason}")));
        }
    }

    // Domain fields are PascalCase; the user typed kebab-case options, so name the field the way they know it.
    private static string OptionName(string field)
    {
        var name = field.Split('[', '.')[0];
        var kebab = System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name);
        return field.Length == name.Length ? kebab : kebab + field[name.Length..];
    }

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
