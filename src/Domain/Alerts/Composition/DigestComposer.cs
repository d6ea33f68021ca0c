using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Scheduler.Domain.Alerts.Composition;

/// <summary>
/// Composes one digest email per recipient per sweep: items grouped by authority (its name given once), then by
/// severity (escalated, overdue, due today, coming up), from the embedded templates. Each item has one status line,
/// its level in words (and, in HTML, in colour), what the rule means, what the recipient is asked to do, and the
/// action link the caller gave. Only case references or episode ids, rule titles and plain words, dates and levels
/// reach the email.
/// </summary>
public static class DigestComposer
{
    /// <summary>The <c>List-Id</c> phrase; the id is <c>alerts.</c> plus the sender's domain.</summary>
    public const string ListName = "Scheduler alerts";

    private static readonly Lazy<string> TextTemplate = new(() => LoadTemplate("digest.txt"));
    private static readonly Lazy<string> HtmlTemplate = new(() => LoadTemplate("digest.html"));

    private static readonly (string Title, AlertLevel[] Levels)[] Sections =
    [
        ("Escalated", [AlertLevel.Escalated]),
        ("Overdue", [AlertLevel.Overdue]),
        ("Due today", [AlertLevel.Due]),
        ("Coming up", [AlertLevel.Upcoming, AlertLevel.WindowOpen]),
    ];

    /// <summary>The names of the embedded templates (resource names end with these).</summary>
    public static IReadOnlyList<string> TemplateNames { get; } = ["digest.txt", "digest.html"];

    /// <summary>Composes the digest.</summary>
    /// <exception cref="ArgumentException">There are no items, or an item's link is not an absolute http(s) URL.</exception>
    public static EmailMessage Compose(DigestRequest request)
    {
        if (request.Items.Count == 0)
        {
            throw new ArgumentException("A digest needs at least one item.", nameof(request));
        }

        for (var i = 0; i < request.Items.Count; i++)
        {
            var link = request.Items[i].Link;
            if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || link.Any(char.IsControl))
            {
                throw new ArgumentException($"Items[{i}].Link must be an absolute http(s) URL, not '{link}'.", nameof(request));
            }
        }

        // The same milestone may reach one person through two roles: keep its most severe alert once.
        var items = request.Items
            .GroupBy(i => (i.Alert.AuthorityCode, i.Alert.MilestoneKey, i.Alert.Due))
            .Select(g => g.OrderByDescending(i => i.Alert.Level).ThenByDescending(i => i.Alert.Renotify).First())
            .ToList();
        var alerts = items.Select(i => i.Alert).ToList();

        var subject = Subject(alerts, request.AuthorityNames);
        var model = new TemplateModel()
            .Set("sweepDate", AlertWording.Format(request.SweepDay))
            .Set("summary", Summary(alerts))
            .Set("authorities", [.. items
                .GroupBy(i => i.Alert.AuthorityCode)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new TemplateModel()
                    .Set("authorityName", AuthorityName(g.Key, request.AuthorityNames))
                    .Set("sections", [.. Sections
                        .Select(s => (s.Title, Items: g.Where(i => s.Levels.Contains(i.Alert.Level)).ToList()))
                        .Where(s => s.Items.Count > 0)
                        .Select(s => new TemplateModel()
                            .Set("sectionTitle", $"{s.Title} ({s.Items.Count})")
                            .Set("items", [.. s.Items
                                .OrderBy(i => i.Alert.Effective)
                                .ThenBy(i => i.Alert.SubjectId, StringComparer.Ordinal)
                                .ThenBy(i => i.Alert.Rule, StringComparer.Ordinal)
                                .ThenBy(i => i.Alert.Cycle)
                                .ThenBy(i => i.Alert.Sequence)
                                .ThenBy(i => i.Alert.Step, StringComparer.Ordinal)
                                .Select(ItemModel)]))]))]);

        var key = DigestKey(request.To, request.SweepDay, alerts);
        var fromDomain = SenderDomain(request.From);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Message-ID"] = $"<{key}@{fromDomain}>",
            ["X-Scheduler-Digest-Key"] = key,

            // RFC 3834: machine-generated, so auto-responders (out-of-office replies) must not answer it.
            ["Auto-Submitted"] = "auto-generated",

            // Exchange ignores Auto-Submitted; this asks it not to send out-of-office and other auto-replies.
            ["X-Auto-Response-Suppress"] = "All",

            // RFC 2919: one list per deployment, so recipients can filter every Scheduler alert with one rule.
            ["List-Id"] = $"{ListName} <alerts.{fromDomain}>",
        };

        return new EmailMessage(
            request.To,
            request.From,
            subject,
            MiniTemplate.Render(TextTemplate.Value, model, htmlEncode: false),
            MiniTemplate.Render(HtmlTemplate.Value, model, htmlEncode: true),
            key,
            headers);
    }

    /// <summary>
    /// The deterministic key of a digest: sweep day plus a hash of the recipient and the sorted alert keys, so a
    /// retried composition of the same alerts gets the same key.
    /// </summary>
    public static string DigestKey(string to, LocalDate sweepDay, IEnumerable<AlertCandidate> items)
    {
        var material = to.Trim().ToLowerInvariant() + "\n" + string.Join("\n", items.Select(i => i.Key).Order(StringComparer.Ordinal));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)))[..24];
        return AlertKey.Build(["digest", sweepDay.ToString("uuuuMMdd", CultureInfo.InvariantCulture), hash]);
    }

    /// <summary>The text of an embedded template, by name (see <see cref="TemplateNames"/>).</summary>
    public static string LoadTemplate(string name)
    {
        var assembly = typeof(DigestComposer).Assembly;
        var resource = $"Scheduler.Domain.Alerts.Templates.{name}";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded template '{resource}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static TemplateModel ItemModel(DigestItem item)
    {
        var c = item.Alert;
        var (colour, badge) = LevelStyle(c.Level);
        return new TemplateModel()
            .Set("levelWord", AlertWording.LevelWord(c.Level))
            .Set("levelColour", colour)
            .Set("levelBadge", badge)
            .Set("title", c.Title)
            .Set("subjectLabel", c.SubjectKind == SubjectKind.Episode ? "Episode" : "Case")
            .Set("subjectId", SubjectReference.IsDisplayable(c.SubjectId) ? c.SubjectId : SubjectReference.Withheld)
            .Set("status", AlertWording.Status(c))
            .Set("plain", AlertWording.Plain(c.Rule))
            .Set("ask", AlertWording.Ask(c.Rule, c.Level))
            .Set("link", item.Link);
    }

    // GOV.UK palette. Escalated is solid red with white text and overdue a strong orange, so they stand out at a
    // glance; the level is always written out as well, so colour is never the only signal.
    private static (string Colour, string Badge) LevelStyle(AlertLevel level)
    {
        var (border, background, text) = level switch
        {
            AlertLevel.Escalated => ("#d4351c", "#d4351c", "#ffffff"),
            AlertLevel.Overdue => ("#f47738", "#fcd6c3", "#6e3619"),
            AlertLevel.Due => ("#ffdd00", "#fff7bf", "#594d00"),
            _ => ("#1d70b8", "#bbd4ea", "#0c2d4a"),
        };
        return (border, $"background-color: {background}; color: {text}; padding: 2px 6px; text-transform: uppercase; letter-spacing: 1px;");
    }

    private static string Subject(IReadOnlyList<AlertCandidate> items, IReadOnlyDictionary<string, string>? names)
    {
        var authorities = items.Select(c => c.AuthorityCode).Distinct().Order(StringComparer.Ordinal).ToList();
        var where = authorities.Count <= 2
            ? string.Join(" and ", authorities.Select(a => AuthorityName(a, names)))
            : $"{authorities.Count} authorities";
        var kinds = items.Select(c => c.SubjectKind).Distinct().ToList();
        var what = kinds.Count == 2 ? "oversight calendar and child cases"
            : kinds[0] == SubjectKind.Episode ? "oversight calendar" : "child cases";
        var headline = items.Count == 1 ? Single(items[0]) : Summary(items);
        // Header injection: a subject is one line whatever a title contains.
        return string.Concat($"{headline} — {where} {what}".Select(ch => char.IsControl(ch) ? ' ' : ch));
    }

    private static string Single(AlertCandidate c) => c.Level switch
    {
        AlertLevel.WindowOpen => $"Window open: {c.Title}",
        AlertLevel.Upcoming => $"Due {AlertWording.Format(c.Effective)}: {c.Title}",
        AlertLevel.Due => $"Due today: {c.Title}",
        AlertLevel.Overdue => $"1 overdue: {c.Title}",
        _ => $"1 escalated: {c.Title}",
    };

    private static string Summary(IReadOnlyList<AlertCandidate> items)
    {
        int Count(params AlertLevel[] levels) => items.Count(c => levels.Contains(c.Level));
        var parts = new List<string>();
        void Add(int n, string phrase)
        {
            if (n > 0)
            {
                parts.Add($"{n} {phrase}");
            }
        }

        Add(Count(AlertLevel.Escalated), "escalated");
        Add(Count(AlertLevel.Overdue), "overdue");
        Add(Count(AlertLevel.Due), "due today");
        Add(Count(AlertLevel.Upcoming), "due soon");
        var windows = Count(AlertLevel.WindowOpen);
        Add(windows, windows == 1 ? "window open" : "windows open");
        return string.Join(", ", parts);
    }

    private static string AuthorityName(string code, IReadOnlyDictionary<string, string>? names) =>
        names is not null && names.TryGetValue(code, out var name) && !string.IsNullOrWhiteSpace(name) ? name : code;

    private static string SenderDomain(string from)
    {
        var domain = from.Contains('@') ? from[(from.LastIndexOf('@') + 1)..].Trim().TrimEnd('>') : string.Empty;
        return domain.Length > 0 && domain.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-') ? domain.ToLowerInvariant() : "scheduler.invalid";
    }
}
