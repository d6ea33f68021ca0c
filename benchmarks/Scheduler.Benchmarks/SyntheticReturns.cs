using System.Globalization;
using System.Text;
using NodaTime;

namespace Scheduler.Benchmarks;

/// <summary>
/// Writes a synthetic SSDA903 return (Header, Episodes, Reviews, Missing and SW episodes CSVs) and a synthetic CIN
/// census XML for the collection year 2025/26, for <see cref="ReturnsQuick"/> and for timing the CLI. Every personal
/// column is filled (made-up values) so the importer's dropping of them is part of what is timed.
/// </summary>
public static class SyntheticReturns
{
    /// <summary>The collection year written: 1 April 2025 to 31 March 2026.</summary>
    public static readonly LocalDate YearStart = new(2025, 4, 1);

    private static readonly string[] Places = ["U1", "U3", "U4", "U6", "K2", "K3", "R1", "P1", "Z11", "A3"];

    /// <summary>Writes <paramref name="children"/> looked-after children to <paramref name="folder"/>.</summary>
    public static void Write903(string folder, int children, int seed = RandomWorkload.Seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        using var header = Writer(folder, "header.csv", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB");
        using var episodes = Writer(folder, "episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN");
        using var reviews = Writer(folder, "reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE");
        using var missing = Writer(folder, "missing.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END");
        using var social = Writer(folder, "sw_episodes.csv", "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON");
        for (var i = 0; i < children; i++)
        {
            var child = $"LAC{i:D6}";
            var dob = Dmy(new LocalDate(2006, 1, 1).PlusDays(random.Next(0, 6500)));
            header.WriteLine($"{child},{1 + random.Next(2)},{dob},WBRI,A{random.NextInt64(100_000_000_000, 999_999_999_999)},,");

            // Six in ten start in the year (RNE S); the rest continue a period of care that began before it.
            var startsInYear = random.Next(10) < 6;
            var start = startsInYear ? YearStart.PlusDays(random.Next(0, 200)) : YearStart.PlusDays(-random.Next(30, 1500));
            var moves = random.Next(0, 3);
            var closes = random.Next(10) == 0;
            var decom = start;
            for (var e = 0; e <= moves; e++)
            {
                var last = e == moves;
                var next = decom.PlusDays(random.Next(20, 60));
                var place = Places[random.Next(Places.Length)];
                var provider = place == "Z11" ? string.Empty : "PR1";
                var rne = e == 0 ? (startsInYear ? "S" : "P") : "P";
                var dec = last ? (closes ? Dmy(next) : string.Empty) : Dmy(next);
                var rec = last ? (closes ? "E13" : string.Empty) : "X1";
                var reason = last ? string.Empty : "CARPL";
                episodes.WriteLine($"{child},{Dmy(decom)},{rne},C2,N1,{place},{provider},{dec},{rec},{reason},ZZ9 9ZZ,ZZ8 8ZZ,SC000001");
                decom = next;
            }

            // Reviews: the first 20 working days or so after the start, then every few months, inside the year.
            var review = (start < YearStart ? YearStart : start).PlusDays(random.Next(10, 25));
            for (var r = 0; r < random.Next(1, 4) && review <= decom; r++)
            {
                reviews.WriteLine($"{child},{dob},{Dmy(review)},PN1");
                review = review.PlusDays(random.Next(80, 170));
            }

            if (random.Next(5) == 0)
            {
                missing.WriteLine($"{child},{dob},M,{Dmy(start.PlusDays(5))},{Dmy(start.PlusDays(6))}");
            }

            social.WriteLine($"{child},{dob},SW{random.Next(1000):D4},{Dmy(start)},,");
        }
    }

    /// <summary>Writes a census of <paramref name="children"/> children (six in ten with a section 47 enquiry, half of those with a plan).</summary>
    public static void WriteCin(string file, int children, int seed = RandomWorkload.Seed)
    {
        var random = new Random(seed + 1);
        using var w = new StreamWriter(file, false, new UTF8Encoding(false));
        w.WriteLine("""<?xml version="1.0" encoding="utf-8"?>""");
        w.WriteLine("<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header><Children>");
        for (var i = 0; i < children; i++)
        {
            var referral = YearStart.PlusDays(random.Next(0, 300));
            w.WriteLine("<Child><ChildIdentifiers>");
            w.WriteLine($"<LAchildID>CIN{i:D6}</LAchildID><UPN>A{random.NextInt64(100_000_000_000, 999_999_999_999)}</UPN><PersonBirthDate>{Iso(new LocalDate(2008, 1, 1).PlusDays(random.Next(0, 6000)))}</PersonBirthDate><Sex>{1 + random.Next(2)}</Sex>");
            w.WriteLine("</ChildIdentifiers><ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>");
            w.WriteLine($"<CINdetails><CINreferralDate>{Iso(referral)}</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>");
            var assessmentStart = referral.PlusDays(random.Next(0, 3));
            w.WriteLine($"<Assessments><AssessmentActualStartDate>{Iso(assessmentStart)}</AssessmentActualStartDate><AssessmentAuthorisationDate>{Iso(assessmentStart.PlusDays(random.Next(10, 60)))}</AssessmentAuthorisationDate></Assessments>");
            if (random.Next(10) < 6)
            {
                var s47 = referral.PlusDays(random.Next(1, 5));
                var plan = random.Next(2) == 0;
                var icpc = s47.PlusDays(random.Next(10, 25));
                w.WriteLine(plan
                    ? $"<Section47><S47ActualStartDate>{Iso(s47)}</S47ActualStartDate><DateOfInitialCPC>{Iso(icpc)}</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>"
                    : $"<Section47><S47ActualStartDate>{Iso(s47)}</S47ActualStartDate><ICPCnotRequired>true</ICPCnotRequired></Section47>");
                w.WriteLine("<ReferralNFA>false</ReferralNFA>");
                if (plan)
                {
                    w.WriteLine($"<ChildProtectionPlans><CPPstartDate>{Iso(icpc)}</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP><Reviews>");
                    w.WriteLine($"<CPPreviewDate>{Iso(icpc.PlusDays(random.Next(60, 90)))}</CPPreviewDate></Reviews></ChildProtectionPlans>");
                }
            }
            else
            {
                w.WriteLine("<ReferralNFA>false</ReferralNFA>");
            }

            w.WriteLine("</CINdetails></Child>");
        }

        w.WriteLine("</Children></Message>");
    }

    private static StreamWriter Writer(string folder, string name, string header)
    {
        var w = new StreamWriter(Path.Combine(folder, name), false, new UTF8Encoding(false)) { NewLine = "\r\n" };
        w.WriteLine(header);
        return w;
    }

    private static string Dmy(LocalDate d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Iso(LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
