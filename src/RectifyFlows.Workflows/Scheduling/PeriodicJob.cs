namespace RectifyFlows.Workflows.Scheduling;

/// <summary>
/// One piece of periodic work as both hosts run it (<see cref="PeriodicJobs"/>): the Functions app's timer function
/// <paramref name="Name"/> on the app setting <paramref name="TimerSetting"/>, and the standalone host's Quartz job of the
/// same name, fired as <paramref name="HostTrigger"/> says from <paramref name="HostSetting"/>.
/// </summary>
/// <param name="Name">The Functions timer function's name and the host's Quartz job key.</param>
/// <param name="TimerSetting">The app setting holding the timer's NCRONTAB schedule (<c>%TimerSetting%</c>).</param>
/// <param name="HostTrigger">How the standalone host fires the job.</param>
/// <param name="HostSetting">The standalone host's setting of the schedule (a cron or an interval; none at start).</param>
/// <param name="Cycle">The cycle a schedule job starts (its catch-up), for the four cycle schedules.</param>
public sealed record PeriodicJob(string Name, string TimerSetting, HostTrigger HostTrigger, string? HostSetting, CycleKind? Cycle = null);
