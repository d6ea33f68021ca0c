namespace Scheduler.Cli;

/// <summary>Process exit codes.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something unexpected failed.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: an unparseable or out-of-range date, an unknown option value, an unreadable file.</summary>
    public const int Usage = 2;
}
