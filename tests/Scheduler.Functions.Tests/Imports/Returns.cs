namespace Scheduler.Functions.Tests.Imports;

/// <summary>
/// Synthetic returns in the shapes of the SSDA903 (CSV files known by their header rows, dd/mm/yyyy) and the CIN
/// census (XML), written for these tests. The expected events beside each are worked out by hand from the mapping
/// tables of docs/import.md, not taken from the importer.
/// </summary>
internal static class Returns
{
    public const string EpisodesHeader = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";

    public const string ReviewsHeader = "CHILD,DOB,REVIEW,REVIEW_CODE";

    /// <summary>
    /// 2023/24 (imported on 15 May 2024): C100 looked after 4 Sep 2023 in long-term fostering (U4), moved to another
    /// foster placement (U3) on 6 Nov 2023, reviewed 2 Oct 2023 and 2 Jan 2024; C200 looked after 10 Apr 2023, left
    /// care 20 Jun 2023 (E11); C700 placed in H5 on 5 Jun 2023 (H5 is in the 2023/24 PLACE list, gone in 2025/26).
    /// </summary>
    public static readonly (string Name, string Content)[] Ssda903Year2024 =
    [
        ("episodes.csv", $"""
            {EpisodesHeader}
            C100,04/09/2023,S,C2,N1,U4,PR1,06/11/2023,X1,CARPL,,,
            C100,06/11/2023,P,C2,N1,U3,PR1,,,,,,
            C200,10/04/2023,S,V2,N2,K2,PR2,20/06/2023,E11,,,,
            C700,05/06/2023,S,V2,N8,H5,PR4,,,,,,

            """),
        ("reviews.csv", $"""
            {ReviewsHeader}
            C100,,02/10/2023,PN1
            C100,,02/01/2024,PN0

            """),
    ];

    /// <summary>The events of <see cref="Ssda903Year2024"/>, by hand: (type date [kind]) per child.</summary>
    public static readonly Dictionary<string, string[]> Ssda903Year2024Events = new()
    {
        ["C100"] =
        [
            "became_looked_after 2023-09-04", "looked_after_review_held 2023-10-02", "looked_after_review_held 2024-01-02",
            "placement_started 2023-09-04 long_term_foster", "placement_started 2023-11-06 standard",
        ],
        ["C200"] = ["became_looked_after 2023-04-10", "case_closed 2023-06-20", "placement_started 2023-04-10 standard"],
        ["C700"] = ["became_looked_after 2023-06-05", "placement_started 2023-06-05 standard"],
    };

    /// <summary>
    /// 2025/26 (imported on 20 May 2026), with one bad row of each kind: D100 placed in Z11 (new in 2025/26) and
    /// reviewed; D200 in H5 (not in the 2025/26 list, line 3, PLACE); D300 "1st May 2025" (line 4, DECOM); D400
    /// "01/05/25", a two-digit year (line 5, DECOM); D600 starting 1 Jun 2026, after today (line 6, DECOM); D800
    /// reviewed on 15 May 2025, before the period of care began on 2 Jun 2025 (reviews line 3, REVIEW).
    /// </summary>
    public static readonly (string Name, string Content)[] Ssda903Year2026 =
    [
        ("episodes-2026.csv", $"""
            {EpisodesHeader}
            D100,01/05/2025,S,V2,N1,Z11,,,,,,,
            D200,01/05/2025,S,V2,N1,H5,PR1,,,,,,
            D300,1st May 2025,S,V2,N1,U6,PR1,,,,,,
            D400,01/05/25,S,V2,N1,U6,PR1,,,,,,
            D600,01/06/2026,S,C2,N1,U6,PR1,,,,,,
            D800,02/06/2025,S,C2,N1,U6,PR1,,,,,,

            """),
        ("reviews-2026.csv", $"""
            {ReviewsHeader}
            D100,,29/05/2025,PN1
            D800,,15/05/2025,PN1

            """),
    ];

    /// <summary>The bad rows of <see cref="Ssda903Year2026"/>: (file, line, column, child).</summary>
    public static readonly (string File, int Line, string Column, string Child)[] Ssda903Year2026Problems =
    [
        ("episodes-2026.csv", 3, "PLACE", "D200"),
        ("episodes-2026.csv", 4, "DECOM", "D300"),
        ("episodes-2026.csv", 5, "DECOM", "D400"),
        ("episodes-2026.csv", 6, "DECOM", "D600"),
        ("reviews-2026.csv", 3, "REVIEW", "D800"),
    ];

    /// <summary>
    /// A 2023/24 census (reference date 31 Mar 2024): CIN001 referred 4 Sep 2023, assessment started 5 Sep and
    /// authorised 20 Oct, enquiry (strategy discussion) 6 Sep, plan from the conference of 25 Sep, reviewed 22 Dec;
    /// CIN005 referred 30 Oct, enquiry 1 Nov, conference 20 Nov that made no plan.
    /// </summary>
    public static readonly (string Name, string Content) Census2024 = ("census-2023-24.xml", Census("2024-03-31", """
        <Child>
          <ChildIdentifiers><LAchildID>CIN001</LAchildID></ChildIdentifiers>
          <CINdetails>
            <CINreferralDate>2023-09-04</CINreferralDate>
            <ReferralSource>1A</ReferralSource>
            <PrimaryNeedCode>N1</PrimaryNeedCode>
            <Assessments>
              <AssessmentActualStartDate>2023-09-05</AssessmentActualStartDate>
              <AssessmentAuthorisationDate>2023-10-20</AssessmentAuthorisationDate>
            </Assessments>
            <Section47>
              <S47ActualStartDate>2023-09-06</S47ActualStartDate>
              <DateOfInitialCPC>2023-09-25</DateOfInitialCPC>
              <ICPCnotRequired>false</ICPCnotRequired>
            </Section47>
            <ReferralNFA>false</ReferralNFA>
            <ChildProtectionPlans>
              <CPPstartDate>2023-09-25</CPPstartDate>
              <Reviews><CPPreviewDate>2023-12-22</CPPreviewDate></Reviews>
            </ChildProtectionPlans>
          </CINdetails>
        </Child>
        <Child>
          <ChildIdentifiers><LAchildID>CIN005</LAchildID></ChildIdentifiers>
          <CINdetails>
            <CINreferralDate>2023-10-30</CINreferralDate>
            <ReferralSource>1B</ReferralSource>
            <Section47>
              <S47ActualStartDate>2023-11-01</S47ActualStartDate>
              <DateOfInitialCPC>2023-11-20</DateOfInitialCPC>
              <ICPCnotRequired>0</ICPCnotRequired>
            </Section47>
            <ReferralNFA>false</ReferralNFA>
          </CINdetails>
        </Child>
        """));

    /// <summary>The events of <see cref="Census2024"/>, by hand.</summary>
    public static readonly Dictionary<string, string[]> Census2024Events = new()
    {
        ["CIN001"] =
        [
            "cp_review_held 2023-12-22", "icpc_held 2023-09-25", "milestone_completed 2023-09-05 referral_decision_1wd/1/1",
            "milestone_completed 2023-10-20 assessment_45wd/1/1", "referral_received 2023-09-04", "strategy_discussion 2023-09-06",
        ],
        ["CIN005"] =
        [
            "cp_plan_ended 2023-11-20", "icpc_held 2023-11-20", "milestone_completed 2023-11-01 referral_decision_1wd/1/1",
            "referral_received 2023-10-30", "strategy_discussion 2023-11-01",
        ],
    };

    /// <summary>A 2025/26 census (reference date 31 Mar 2026): CIN101 referred 2 Jun 2025, enquiry 3 Jun, plan from 20 Jun.</summary>
    public static readonly (string Name, string Content) Census2026 = ("census-2025-26.xml", Census("2026-03-31", """
        <Child>
          <ChildIdentifiers><LAchildID>CIN101</LAchildID></ChildIdentifiers>
          <CINdetails>
            <CINreferralDate>2025-06-02</CINreferralDate>
            <ReferralSource>2A</ReferralSource>
            <Section47><S47ActualStartDate>2025-06-03</S47ActualStartDate></Section47>
            <ChildProtectionPlans><CPPstartDate>2025-06-20</CPPstartDate></ChildProtectionPlans>
          </CINdetails>
        </Child>
        """));

    /// <summary>The events of <see cref="Census2026"/>, by hand.</summary>
    public static readonly Dictionary<string, string[]> Census2026Events = new()
    {
        ["CIN101"] =
        [
            "icpc_held 2025-06-20", "milestone_completed 2025-06-03 referral_decision_1wd/1/1", "referral_received 2025-06-02",
            "strategy_discussion 2025-06-03",
        ],
    };

    /// <summary>A census document around <paramref name="children"/>.</summary>
    public static string Census(string referenceDate, string children) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <Message>
          <Header>
            <CollectionDetails><Collection>CIN</Collection><Year>{referenceDate[..4]}</Year><ReferenceDate>{referenceDate}</ReferenceDate></CollectionDetails>
          </Header>
          <Children>
        {children}
          </Children>
        </Message>
        """;
}
