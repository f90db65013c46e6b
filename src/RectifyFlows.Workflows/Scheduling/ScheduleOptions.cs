using System.ComponentModel.DataAnnotations;

namespace RectifyFlows.Workflows.Scheduling;

/// <summary>
/// When the cycles fire and how far a fire catches up; bound from <c>RectifyFlows:Schedules</c> on both hosts. The
/// standalone host reads <see cref="Monthly"/>…<see cref="Quarterly"/> as Quartz cron in <see cref="TimeZone"/>; the
/// Functions app's timers read their own app settings (NCRONTAB, UTC) and use the rest of this section (ADR 0014).
/// </summary>
public sealed class ScheduleOptions
{
    public const string SectionName = "RectifyFlows:Schedules";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Start every period missed since the last one that ran, at start-up of the standalone host and at every fire on
    /// both hosts; false starts only the period of the latest fire.
    /// </summary>
    public bool CatchUp { get; set; } = true;

    /// <summary>
    /// How far back a catch-up looks for missed periods. Every missed period after the last one that ran is started,
    /// oldest first; when none ran in this window (a new installation) only the latest is.
    /// </summary>
    [Range(1, 3660)]
    public int CatchUpDays { get; set; } = 400;

    /// <summary>The zone the cron expressions are read in (the Functions app: UTC, the zone its timers fire in).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The 1st at 09:00: opens the month's round.</summary>
    [Required]
    public string Monthly { get; set; } = "0 0 9 1 * ?";

    /// <summary>Mondays at 09:00: the week's dispatch.</summary>
    [Required]
    public string Weekly { get; set; } = "0 0 9 ? * MON";

    /// <summary>The 1st, 11th and 21st at 09:00: the report of the ten days just ended.</summary>
    [Required]
    public string TenDay { get; set; } = "0 0 9 1,11,21 * ?";

    /// <summary>The first day after a quarter at 09:00: evaluates the quarter just ended.</summary>
    [Required]
    public string Quarterly { get; set; } = "0 0 9 1 1,4,7,10 ?";

    /// <summary>The standalone host's cron of a cycle.</summary>
    public string CronOf(CycleKind kind) => kind switch
    {
        CycleKind.Monthly => Monthly,
        CycleKind.Weekly => Weekly,
        CycleKind.TenDay => TenDay,
        CycleKind.Quarterly => Quarterly,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
