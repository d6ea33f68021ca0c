using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace Scheduler.Domain.Alerts.Composition;

/// <summary>
/// Composes one digest email per recipient per sweep: items grouped by authority, then by severity (escalated,
/// overdue, due today, coming up), from the embedded templates. Only case references or episode ids, rule titles,
/// dates and levels reach the email.
/// </summary>
public static class DigestComposer
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("ddd d MMM uuuu");
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
    /// <exception cref="ArgumentException">There are no items, or the base URL is not an absolute http(s) URL.</exception>
    public static EmailMessage Compose(DigestRequest request)
    {
        if (request.Items.Count == 0)
        {
            throw new ArgumentException("A digest needs at least one item.", nameof(request));
        }

        if (!Uri.TryCreate(request.PublicBaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"PublicBaseUrl must be an absolute http(s) URL, not '{request.PublicBaseUrl}'.", nameof(request));
        }

        // The same milestone may reach one person through two roles: keep its most severe alert once.
        var items = request.Items
            .GroupBy(c => (c.SubjectKind, c.AuthorityCode, c.SubjectId, c.Rule, c.Sequence, c.Due))
            .Select(g => g.OrderByDescending(c => c.Level).ThenByDescending(c => c.Renotify).First())
            .ToList();

        var baseUrl = request.PublicBaseUrl.TrimEnd('/');
        var subject = Subject(items, request.AuthorityNames);
        var model = new TemplateModel()
            .Set("sweepDate", Format(request.SweepDay))
            .Set("summary", Summary(items))
            .Set("authorities", [.. items
                .GroupBy(c => c.AuthorityCode)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new TemplateModel()
                    .Set("authorityName", AuthorityName(g.Key, request.AuthorityNames))
                    .Set("authorityCode", g.Key)
                    .Set("sections", [.. Sections
                        .Select(s => (s.Title, Items: g.Where(c => s.Levels.Contains(c.Level)).ToList()))
                        .Where(s => s.Items.Count > 0)
                        .Select(s => new TemplateModel()
                            .Set("sectionTitle", $"{s.Title} ({s.Items.Count})")
                            .Set("items", [.. s.Items
                                .OrderBy(c => c.Effective)
                                .ThenBy(c => c.SubjectId, StringComparer.Ordinal)
                                .ThenBy(c => c.Rule, StringComparer.Ordinal)
                                .ThenBy(c => c.Sequence)
                                .Select(c => ItemModel(c, baseUrl))]))]))]);

        var key = DigestKey(request.To, request.SweepDay, items);
        var fromDomain = request.From.Contains('@') ? request.From[(request.From.LastIndexOf('@') + 1)..] : "scheduler.invalid";
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Message-ID"] = $"<{key}@{fromDomain}>",
            ["X-Scheduler-Digest-Key"] = key,
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

    private static TemplateModel ItemModel(AlertCandidate c, string baseUrl)
    {
        var displayable = SubjectReference.IsDisplayable(c.SubjectId);
        var code = Uri.EscapeDataString(c.AuthorityCode);
        var id = Uri.EscapeDataString(c.SubjectId);
        var link = !displayable
            ? $"{baseUrl}/api/authorities/{code}/{(c.SubjectKind == SubjectKind.Episode ? "episodes" : "cases")}"
            : c.SubjectKind == SubjectKind.Episode
                ? $"{baseUrl}/api/authorities/{code}/episodes/{id}/calendar"
                : $"{baseUrl}/api/authorities/{code}/cases/{id}";
        return new TemplateModel()
            .Set("title", c.Title)
            .Set("subjectLabel", c.SubjectKind == SubjectKind.Episode ? "Episode" : "Case")
            .Set("subjectId", displayable ? c.SubjectId : SubjectReference.Withheld)
            .Set("detail", Detail(c))
            .Set("dueDate", Format(c.Effective))
            .Set("link", link);
    }

    private static string Detail(AlertCandidate c) => c.Level switch
    {
        AlertLevel.WindowOpen => $"window open {Format(c.Earliest ?? c.Effective)} to {Format(c.Effective)}, no date agreed",
        AlertLevel.Upcoming => c.Earliest is not null ? $"window closes {Format(c.Effective)}, no date agreed" : $"due {Format(c.Effective)}",
        AlertLevel.Due => "due today",
        AlertLevel.Overdue => $"overdue by {WorkingDays(c.DaysOverdue)}",
        AlertLevel.Escalated => $"escalated: overdue by {WorkingDays(c.DaysOverdue)}",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c.Level, "Unknown alert level."),
    } + (c.Due != c.Effective ? $" (nominal date {Format(c.Due)} is not a working day)" : string.Empty);

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
        AlertLevel.Upcoming => $"Due {Format(c.Effective)}: {c.Title}",
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

    private static string WorkingDays(int n) => n == 1 ? "1 working day" : $"{n} working days";

    private static string Format(LocalDate date) => DatePattern.Format(date);
}
