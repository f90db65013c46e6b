using System.ComponentModel.DataAnnotations;

namespace RectifyFlows.Host.Scheduling;

/// <summary>When the cycles fire; bound from <c>RectifyFlows:Schedules</c>. Quartz cron (6–7 fields), in <see cref="TimeZone"/>.</summary>
public sealed class ScheduleOptions
{
    public const string SectionName = "RectifyFlows:Schedules";

    public bool Enabled { get; set; } = true;

    /// <summary>Start, on host start-up, a cycle whose last fire time passed while the host was down.</summary>
    public bool CatchUp { get; set; } = true;

    /// <summary>
    /// How far back the catch-up looks for periods missed while the host was down. Every missed period after the last
    /// one that ran is started, oldest first; when none ran in this window (a new installation) only the latest is.
    /// </summary>
    [Range(1, 3660)]
    public int CatchUpDays { get; set; } = 400;

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
}
