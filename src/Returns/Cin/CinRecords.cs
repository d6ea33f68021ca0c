using NodaTime;

namespace Scheduler.Returns.Cin;

/// <summary>A date read from the census, with the element and line it came from.</summary>
internal sealed record DateAt(LocalDate Date, int Line, string Element);

/// <summary>One child of the census, as far as Scheduler uses it: no identifier but the child id, no characteristic.</summary>
internal sealed class CinChild(int line)
{
    public int Line => line;

    public string? Id { get; set; }

    public int IdLine { get; set; }

    public List<CinEpisode> Episodes { get; } = [];

    /// <summary>Problems found before the child id is known; they are pinned on the child when its record closes.</summary>
    public List<(int Line, string Column, string Reason)> Problems { get; } = [];
}

/// <summary>One CINdetails: a referral and what followed it.</summary>
internal sealed class CinEpisode(int line)
{
    public int Line => line;

    public DateAt? Referral { get; set; }

    /// <summary>Whether a CINreferralDate element was present (a bad value is reported as such, not as missing).</summary>
    public bool ReferralPresent { get; set; }

    public DateAt? Closure { get; set; }

    public List<CinAssessment> Assessments { get; } = [];

    public List<CinSection47> Enquiries { get; } = [];

    public List<CinPlan> Plans { get; } = [];
}

/// <summary>One assessment: started, and completed (authorised).</summary>
internal sealed class CinAssessment
{
    public DateAt? Started { get; set; }

    public DateAt? Authorised { get; set; }
}

/// <summary>One section 47 enquiry: its strategy discussion, the initial conference or the decision that none is needed.</summary>
internal sealed class CinSection47(int line)
{
    public int Line => line;

    public DateAt? Started { get; set; }

    public bool StartedPresent { get; set; }

    public DateAt? Icpc { get; set; }

    public bool IcpcNotRequired { get; set; }

    public int IcpcNotRequiredLine { get; set; }
}

/// <summary>One child protection plan and its review conferences.</summary>
internal sealed class CinPlan(int line)
{
    public int Line => line;

    public DateAt? Start { get; set; }

    public bool StartPresent { get; set; }

    public DateAt? End { get; set; }

    public List<DateAt> Reviews { get; } = [];
}
