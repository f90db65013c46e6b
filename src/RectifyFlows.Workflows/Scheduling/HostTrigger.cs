namespace RectifyFlows.Workflows.Scheduling;

/// <summary>How the standalone host fires a <see cref="PeriodicJob"/> (the Functions app always uses its timer).</summary>
public enum HostTrigger
{
    /// <summary>A Quartz cron in <see cref="ScheduleOptions.TimeZone"/>, plus one fire at start when catch-up is on.</summary>
    Cron,

    /// <summary>Every interval of a <see cref="System.TimeSpan"/> setting; zero or less turns the job off.</summary>
    Interval,

    /// <summary>Once at start: the host's start is what the Functions app, which has none, replaces with a timer.</summary>
    AtStart,
}
