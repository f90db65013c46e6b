namespace RectifyFlows.Workflows.Common;

/// <summary>
/// The phases a cycle's status shows (<see cref="CycleStatus.Phase"/>, api.md cycle status), declared once. Strings,
/// not an enum: they are read back from stored orchestration status and served as they are in the API, so the
/// spelling is the contract (<c>VocabularyTests</c> pins it).
/// </summary>
public static class CyclePhases
{
    /// <summary>Monthly: the round is being opened and the teams asked to inspect.</summary>
    public const string Open = nameof(Open);

    /// <summary>Monthly: waiting for the teams' results until the window closes.</summary>
    public const string Collecting = nameof(Collecting);

    /// <summary>Monthly and weekly: the bulletin is compiled and sent.</summary>
    public const string Bulletin = nameof(Bulletin);

    /// <summary>The actions the cycle calls for are opened.</summary>
    public const string Handling = nameof(Handling);

    /// <summary>The report is archived.</summary>
    public const string Report = nameof(Report);

    /// <summary>Weekly: townships are ranked.</summary>
    public const string Ranking = nameof(Ranking);

    /// <summary>Quarterly: townships are scored.</summary>
    public const string Scoring = nameof(Scoring);

    /// <summary>Quarterly: strikes are given and counted.</summary>
    public const string Strikes = nameof(Strikes);

    /// <summary>Ten-day: lead units are asked to re-verify long-term measures.</summary>
    public const string Reverification = nameof(Reverification);

    /// <summary>A period across offices: the offices' cycles run.</summary>
    public const string Offices = nameof(Offices);

    /// <summary>A period across offices: the roll-up report is archived.</summary>
    public const string RollUp = nameof(RollUp);

    /// <summary>The cycle ended.</summary>
    public const string Done = nameof(Done);
}
