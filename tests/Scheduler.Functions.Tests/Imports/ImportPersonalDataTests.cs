using System.Net;
using NodaTime;
using Scheduler.Functions.Tests.Infrastructure;
using static Scheduler.Functions.Tests.Imports.ImportClient;

namespace Scheduler.Functions.Tests.Imports;

/// <summary>
/// Distinctive values are planted in every personal column of every SSDA903 file and every personal element of a
/// census (and a name typed into a code column); none may appear in any table of the app, in any log line, or in
/// the report.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ImportPersonalDataTests(AzuriteFixture azurite)
{
    /// <summary>Every planted value, dates in the returns' forms, ISO and the event ids' yyyymmdd.</summary>
    private static readonly string[] Planted =
    [
        "PIISEX7", "29/02/2008", "2008-02-29", "20080229", "PIIETHNIC", "PIIUPN000111", "Persephone", "Quartermain", "PII1 1HP",
        "PII2 2PP", "PIIURN77", "31/12/1999", "1999-12-31", "19991231", "PIISWID", "PIIUPN000222", "PIIFORMERUPN", "PIIUPNUNK",
        "PIIGENDER", "PIISEX8", "PIIETHNICITY", "PIIDISABILITY", "2001-01-31", "Ottoline", "Fairweather", "PII3 3QQ",
    ];

    private static readonly (string Name, string Content)[] Ssda903 =
    [
        ("header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nP100,PIISEX7,29/02/2008,PIIETHNIC,PIIUPN000111,Persephone Quartermain,31/12/1999\n"),
        ("episodes.csv", $"{Returns.EpisodesHeader}\nP100,04/09/2023,S,C2,N1,U4,PR1,,,,PII1 1HP,PII2 2PP,PIIURN77\nP101,04/09/2023,S,C2,N1,Ottoline Fairweather,PR1,,,,PII3 3QQ,PII2 2PP,PIIURN77\n"),
        ("reviews.csv", $"{Returns.ReviewsHeader}\nP100,29/02/2008,02/10/2023,PN1\n"),
        ("missing.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END\nP100,29/02/2008,M,30/11/2023,01/12/2023\n"),
        ("sw.csv", "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nP100,29/02/2008,PIISWID,04/09/2023,,\n"),
        ("uasc.csv", "CHILD,SEX,DOB,DUC\nP100,PIISEX7,29/02/2008,31/12/1999\n"),
    ];

    private static readonly (string Name, string Content) Census = ("census.xml", Returns.Census("2024-03-31", """
        <Child>
          <ChildIdentifiers>
            <LAchildID>P200</LAchildID>
            <UPN>PIIUPN000222</UPN>
            <FormerUPN>PIIFORMERUPN</FormerUPN>
            <UPNunknown>PIIUPNUNK</UPNunknown>
            <PersonBirthDate>2008-02-29</PersonBirthDate>
            <ExpectedPersonBirthDate>1999-12-31</ExpectedPersonBirthDate>
            <GenderCurrent>PIIGENDER</GenderCurrent>
            <Sex>PIISEX8</Sex>
            <PersonDeathDate>2001-01-31</PersonDeathDate>
          </ChildIdentifiers>
          <ChildCharacteristics>
            <Ethnicity>PIIETHNICITY</Ethnicity>
            <Disabilities><Disability>PIIDISABILITY</Disability></Disabilities>
          </ChildCharacteristics>
          <CINdetails>
            <CINreferralDate>2023-09-04</CINreferralDate>
            <Section47><S47ActualStartDate>2023-09-06</S47ActualStartDate></Section47>
            <ChildProtectionPlans><CPPstartDate>2023-09-25</CPPstartDate></ChildProtectionPlans>
          </CINdetails>
        </Child>
        <Child>
          <ChildIdentifiers><LAchildID>P201</LAchildID><PersonBirthDate>2008-02-29</PersonBirthDate></ChildIdentifiers>
          <CINdetails>
            <CINreferralDate>2023-09-04</CINreferralDate>
            <ReferralSource>Persephone Quartermain</ReferralSource>
            <Section47><S47ActualStartDate>2023-09-06</S47ActualStartDate></Section47>
          </CINdetails>
        </Child>
        """));

    [Fact]
    public async Task No_personal_value_from_the_returns_appears_in_storage_logs_or_the_report()
    {
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2024, 5, 15));
        var (code, client) = await ImportRouteTests.AuthorityAsync(app);

        var dry = await client.PostAsync($"/api/authorities/{code}/imports?dry_run=true", Body(Ssda903));
        var real903 = await client.PostAsync($"/api/authorities/{code}/imports", Body(Ssda903));
        var realCin = await client.PostAsync($"/api/authorities/{code}/imports", Body([Census]));
        var reports = string.Join("\n", await Task.WhenAll(new[] { dry, real903, realCin }.Select(r => r.Content.ReadAsStringAsync())));

        // The imports did run: the cases are stored, the personal columns named, the bad rows reported.
        Assert.All(new[] { dry, real903, realCin }, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.NotNull(await CaseAsync(client, code, "P100"));
        Assert.NotNull(await CaseAsync(client, code, "P200"));
        Assert.Null(await CaseAsync(client, code, "P101"));
        Assert.Null(await CaseAsync(client, code, "P201"));
        foreach (var column in new[] { "\"DOB\"", "\"MC_DOB\"", "\"SEX\"", "\"ETHNIC\"", "\"UPN\"", "\"MOTHER\"", "\"HOME_POST\"", "\"PL_POST\"", "\"URN\"", "\"PersonBirthDate\"", "\"Ethnicity\"" })
        {
            Assert.Contains(column, reports, StringComparison.Ordinal);
        }

        Assert.Contains("child P101:", reports, StringComparison.Ordinal);
        Assert.Contains("child P201:", reports, StringComparison.Ordinal);

        var tables = await TablesAsync(azurite, app);
        Assert.NotEmpty(tables["Cases"]);
        Assert.NotEmpty(tables["AuditLog"]);
        var stored = string.Join("\n", tables.SelectMany(t => t.Value).SelectMany(row => row.Select(p => $"{p.Key}={p.Value}")));
        var logs = string.Join("\n", app.Logs.Lines.Select(l => $"{l.Category} {l.Message}"));
        Assert.Contains("Import of a 903 return", logs, StringComparison.Ordinal);
        AssertNoneIn("storage", stored);
        AssertNoneIn("logs", logs);
        AssertNoneIn("the report", reports);
    }

    [Fact]
    public void Every_planted_value_is_in_the_input()
    {
        var input = string.Join("\n", Ssda903.Select(f => f.Content).Append(Census.Content));

        Assert.All(Planted.Where(v => !v.StartsWith("20080229", StringComparison.Ordinal) && !v.StartsWith("19991231", StringComparison.Ordinal)), value => Assert.Contains(value, input, StringComparison.Ordinal));
    }

    private static void AssertNoneIn(string where, string text)
    {
        foreach (var value in Planted)
        {
            Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"'{value}' appears in {where}");
        }
    }
}
