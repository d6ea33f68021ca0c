using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Scheduler.Application.Alerts.Links;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Milestones;

namespace Scheduler.Functions.Actions;

/// <summary>
/// Renders the action page and its refusals as plain server-side HTML: readable on a phone without JavaScript,
/// one inline stylesheet (allowed by its hash), and every value HTML-encoded where it is written. Hand-written
/// with <see cref="HtmlEncoder"/> rather than Razor because the worker has no MVC view engine and the page is small.
/// </summary>
public static class ActionPageHtml
{
    /// <summary>The page's stylesheet (the only one; the CSP allows it by hash).</summary>
    public const string Style = """
        body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#0b0c0c;background:#fff;line-height:1.4}
        main{max-width:40rem;margin:0 auto;padding:1rem}
        h1{font-size:1.5rem;margin:.25rem 0 .5rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
        .authority{color:#505a5f;margin:0}.level{display:inline-block;padding:.1rem .5rem;font-weight:bold;color:#fff;background:#1d70b8}
        .level-overdue{background:#f47738;color:#0b0c0c}.level-escalated{background:#d4351c}.level-due{background:#0b0c0c}
        .status{font-weight:bold}.notice{border-left:.4rem solid #00703c;padding:.5rem 1rem;background:#f3f2f1}
        .errors{border:.2rem solid #d4351c;padding:.5rem 1rem}.errors h2{margin-top:0}
        dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:bold}dd{margin:0}
        label{display:block;font-weight:bold;margin:.75rem 0 .25rem}input,select,textarea{font-size:1rem;padding:.4rem;max-width:100%}
        textarea{width:100%;box-sizing:border-box}button{font-size:1rem;padding:.5rem 1rem;margin-top:.75rem;background:#00703c;color:#fff;border:0}
        .hint{color:#505a5f;font-size:.9rem;margin:.25rem 0}.foot{color:#505a5f;font-size:.9rem;margin-top:2rem}
        """;

    /// <summary>The CSP source of <see cref="Style"/>: <c>sha256-…</c>.</summary>
    public static string StyleHash { get; } = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)));

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    /// <summary>The page for a milestone, with the result of an action or the errors that stopped it.</summary>
    public static string Page(ActionPageShown shown, string proof)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var p = shown.Page;
        var m = p.Milestone;
        var html = new StringBuilder(8192);
        var reference = p.SubjectKind == SubjectKind.Episode ? $"Episode {p.SubjectReference}" : $"Case {p.SubjectReference}";
        Start(html, $"{m.Title} – {reference}");
        html.Append("<p class=\"authority\">").Append(E(p.AuthorityName)).Append("</p>\n");
        html.Append("<h1>").Append(E(m.Title)).Append("</h1>\n");
        if (p.LevelWord is { } level)
        {
            html.Append("<p><strong class=\"level level-").Append(E(level.Split(' ')[0].ToLowerInvariant())).Append("\">").Append(E(level)).Append("</strong></p>\n");
        }

        html.Append("<p class=\"status\">").Append(E(p.Status)).Append("</p>\n");
        Notice(html, shown.Notice, p);
        Errors(html, shown.Errors);

        html.Append("<dl>\n");
        Row(html, p.SubjectKind == SubjectKind.Episode ? "Episode" : "Case reference", p.SubjectReference);
        Row(html, "Authority", p.AuthorityName);
        if (m.Earliest is { } earliest)
        {
            Row(html, "Window", $"{AlertWording.Format(earliest)} to {AlertWording.Format(m.Effective)}");
        }
        else
        {
            Row(html, "Due", AlertWording.Format(m.Effective));
        }

        if (m.MovedToWorkingDay)
        {
            Row(html, "Date the rule gives", $"{AlertWording.Format(m.Due)} (not a working day, so it is due the working day before)");
        }

        Row(html, "Status", StatusWord(m, p.InCalendar));
        if (m.Met is { } met)
        {
            Row(html, "Done on", AlertWording.Format(met));
        }

        html.Append("</dl>\n");

        html.Append("<h2>What this means</h2>\n<p>").Append(E(p.Plain)).Append("</p>\n");
        if (!p.IsClosed)
        {
            html.Append("<p>").Append(E(p.Ask)).Append("</p>\n");
        }

        html.Append("<p class=\"hint\">Source: ").Append(E(p.Source)).Append("</p>\n");

        html.Append("<h2>Acknowledgement</h2>\n");
        if (p.IsClosed)
        {
            html.Append("<p>None is needed: nothing more is asked for this item.</p>\n");
        }
        else if (p.Acknowledgement is { } ack)
        {
            var until = ack.Until is { } u ? $"until {AlertWording.Format(u)}" : "until it is met or its due date changes";
            html.Append("<p>Acknowledged by ").Append(E(ack.By)).Append(" on ").Append(E(AlertWording.Format(ack.On))).Append(", ").Append(E(until))
                .Append(". No reminder or escalation goes to anyone while it holds.</p>\n<p>Reason: ").Append(E(ack.Reason)).Append("</p>\n");
        }
        else
        {
            html.Append("<p>None holds: reminders go out as usual.</p>\n");
        }

        Audience(html, p);

        if (!p.IsClosed)
        {
            DoneForm(html, shown, proof);
            AcknowledgeForm(html, shown, proof);
        }

        html.Append("<p class=\"foot\">This link was sent to ").Append(E(RecipientWords(p.Recipient)))
            .Append(". It is yours: do not forward it. Anything you do here is recorded under that name.</p>\n");
        End(html);
        return html.ToString();
    }

    /// <summary>The page for a link that cannot be used: what happened and where to find the item, and nothing about it.</summary>
    public static string Refused(ActionPageRefused refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var (title, text) = refused.Reason switch
        {
            ActionPageRefusal.Expired => ("This link has expired",
                $"Links in Scheduler's emails work for a limited time, and this one ended on {AlertWording.Format(refused.ExpiredOn!.Value)}."),
            ActionPageRefusal.NotARecipient => ("This link can no longer be used",
                "It was sent to someone who is no longer a contact for this item, so it no longer opens it."),
            ActionPageRefusal.Gone => ("This item is no longer in the calendar",
                "The episode, case or date this link was for has been removed or recalculated, so there is nothing to act on here."),
            _ => ("This link is not valid",
                "It may have been cut short or changed when it was copied. Nothing was shown or changed."),
        };
        return Message(title, text);
    }

    /// <summary>A plain page with a heading, a sentence and where to find the item.</summary>
    public static string Message(string title, string text)
    {
        var html = new StringBuilder(2048);
        Start(html, title);
        html.Append("<h1>").Append(E(title)).Append("</h1>\n<p>").Append(E(text)).Append("</p>\n")
            .Append("<h2>Where to find the item</h2>\n<p>It is still on your authority's work list and in its oversight calendar. ")
            .Append("The latest email from Scheduler about it carries a fresh link, or ask your programme office.</p>\n");
        End(html);
        return html.ToString();
    }

    private static void Notice(StringBuilder html, ActionNotice? notice, ActionPage p)
    {
        var text = notice switch
        {
            ActionNotice.Acknowledged => "Acknowledged. No reminder or escalation goes to anyone for this milestone while the acknowledgement holds.",
            ActionNotice.RecordedAsDone => p.IsClosed ? "Recorded. The milestone is worked out again below: nothing more is asked for it." : "Recorded. The milestone is worked out again below.",
            ActionNotice.AlreadyRecorded => "This was already recorded from this link; nothing changed.",
            _ => null,
        };
        if (text is not null)
        {
            html.Append("<div class=\"notice\" role=\"status\"><p>").Append(E(text)).Append("</p></div>\n");
        }
    }

    private static void Errors(StringBuilder html, IReadOnlyList<Scheduler.Application.Errors.FieldError>? errors)
    {
        if (errors is not { Count: > 0 })
        {
            return;
        }

        html.Append("<div class=\"errors\" role=\"alert\"><h2>There is a problem</h2><ul>\n");
        foreach (var e in errors)
        {
            html.Append("<li>").Append(E(e.Field)).Append(": ").Append(E(e.Reason)).Append("</li>\n");
        }

        html.Append("</ul><p>Nothing was changed.</p></div>\n");
    }

    private static void Audience(StringBuilder html, ActionPage p)
    {
        html.Append("<h2>Who is told</h2>\n<ul>\n");
        foreach (var line in p.Audience)
        {
            var who = line.Addresses.Count == 0 ? "no address configured" : string.Join(", ", line.Addresses);
            var when = p.IsClosed ? "nothing more is sent"
                : line.OnEscalation
                    ? line.Told ? "told: it is escalated" : $"told if it is escalated, {p.EscalateAfterWorkingDays} working days overdue"
                    : line.Told ? "told" : "told from the first reminder";
            html.Append("<li><strong>").Append(E(line.Name)).Append("</strong>: ").Append(E(who)).Append(" (").Append(E(when)).Append(")</li>\n");
        }

        html.Append("</ul>\n");
    }

    private static void DoneForm(StringBuilder html, ActionPageShown shown, string proof)
    {
        var p = shown.Page;
        html.Append("<h2>Record it as done</h2>\n");
        if (p.Meeting is not { } meeting)
        {
            html.Append("<p>This is another body's step: nothing records it as done here. It stays for planning and is not chased.</p>\n");
            return;
        }

        html.Append("<form method=\"post\" action=\"/a/").Append(E(p.Token)).Append("/done\">\n");
        Proof(html, proof);
        html.Append("<label for=\"date\">").Append(E(meeting.Prompt)).Append("</label>\n")
            .Append("<input type=\"date\" id=\"date\" name=\"date\" required max=\"").Append(E(p.Today.ToString("uuuu-MM-dd", null))).Append("\" value=\"")
            .Append(E(Entered(shown, "date"))).Append("\">\n");
        if (meeting.Choice is { } choice)
        {
            html.Append("<label for=\"choice\">").Append(E(choice.Question)).Append("</label>\n<select id=\"choice\" name=\"choice\" required>\n<option value=\"\">Choose…</option>\n");
            foreach (var option in choice.Options)
            {
                html.Append("<option value=\"").Append(E(option.Value)).Append('"').Append(Entered(shown, "choice") == option.Value ? " selected" : string.Empty)
                    .Append('>').Append(E(option.Label)).Append("</option>\n");
            }

            html.Append("</select>\n");
        }

        html.Append("<p class=\"hint\">The date it happened (yyyy-mm-dd), not in the future. Alerts stop once it is recorded.</p>\n")
            .Append("<button type=\"submit\">Record as done</button>\n</form>\n");
    }

    private static void AcknowledgeForm(StringBuilder html, ActionPageShown shown, string proof)
    {
        var p = shown.Page;
        html.Append("<h2>Acknowledge it</h2>\n<p>If it is in hand, say why and until when: no reminder or escalation goes to anyone for it until then, ")
            .Append("or until it is met or its due date changes. Write for colleagues to read; leave out children's names and other personal details.</p>\n")
            .Append("<form method=\"post\" action=\"/a/").Append(E(p.Token)).Append("/acknowledge\">\n");
        Proof(html, proof);
        html.Append("<label for=\"reason\">Reason</label>\n<textarea id=\"reason\" name=\"reason\" rows=\"3\" maxlength=\"1000\" required>")
            .Append(E(Entered(shown, "reason"))).Append("</textarea>\n")
            .Append("<label for=\"until\">Until (optional)</label>\n<input type=\"date\" id=\"until\" name=\"until\" min=\"")
            .Append(E(p.Today.ToString("uuuu-MM-dd", null))).Append("\" value=\"").Append(E(Entered(shown, "until"))).Append("\">\n")
            .Append("<button type=\"submit\">Acknowledge</button>\n</form>\n");
    }

    private static void Proof(StringBuilder html, string proof) =>
        html.Append("<input type=\"hidden\" name=\"").Append(ActionForms.ProofField).Append("\" value=\"").Append(E(proof)).Append("\">\n");

    private static string Entered(ActionPageShown shown, string field) =>
        shown.Entered is { } entered && entered.TryGetValue(field, out var value) ? value : string.Empty;

    private static string StatusWord(Milestone m, bool inCalendar) => !inCalendar ? "Answered" : m.Status switch
    {
        MilestoneStatus.Met => "Met",
        MilestoneStatus.MetLate => "Met late",
        MilestoneStatus.NotApplicable => "Does not apply",
        MilestoneStatus.Overdue => "Overdue",
        MilestoneStatus.Due => "Due today",
        _ => "Upcoming",
    };

    private static string RecipientWords(string recipient) =>
        recipient.StartsWith("feed:", StringComparison.Ordinal) ? $"the calendar subscription of API key {recipient["feed:".Length..]}" : recipient;

    private static void Row(StringBuilder html, string term, string value) =>
        html.Append("<dt>").Append(E(term)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");

    private static void Start(StringBuilder html, string title) =>
        html.Append("<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(E(title)).Append(" – Scheduler</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n");

    private static void End(StringBuilder html) => html.Append("</main>\n</body>\n</html>\n");

    private static string E(string value) => Encoder.Encode(value);
}
