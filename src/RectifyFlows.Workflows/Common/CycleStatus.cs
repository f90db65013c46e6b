namespace RectifyFlows.Workflows.Common;

/// <summary>The custom status every cycle publishes: its phase and running counts (api.md cycle status).</summary>
public sealed record CycleStatus
{
    public required string Phase { get; init; }
    public int Teams { get; init; }
    public int TeamsReported { get; init; }
    public int Findings { get; init; }
    public int ActionsOpened { get; init; }
    public int MessagesWritten { get; init; }
    public DateTimeOffset? WindowClosesAt { get; init; }

    /// <summary>The period's instance across offices: the offices whose cycles it runs (<c>{kind}-{officeId}-{period}</c>).</summary>
    public IReadOnlyList<string>? Offices { get; init; }
}
