namespace RectifyFlows.Workflows.Scheduling;

/// <summary>
/// The fire times of a cycle's schedule as the host that fires it reads the schedule: Quartz cron in the configured zone
/// on the standalone host, NCRONTAB in UTC on the Functions app. The catch-up asks it which fires have passed, so a
/// fire (on time or late) and a start-up both start the periods of the fires that really passed.
/// </summary>
public interface ICycleFireTimes
{
    /// <summary>Every fire time in (<paramref name="after"/>, <paramref name="upTo"/>], oldest first.</summary>
    IReadOnlyList<DateTimeOffset> Between(CycleKind kind, DateTimeOffset after, DateTimeOffset upTo);
}
