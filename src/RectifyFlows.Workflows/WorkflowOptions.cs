using System.ComponentModel.DataAnnotations;

namespace RectifyFlows.Workflows;

/// <summary>
/// Rules and waits of the cycles (domain rules 3–8), bound from <c>RectifyFlows:Workflows</c>. The Fast environment
/// shrinks every wait to seconds so a month runs in a demo or a test.
/// </summary>
public sealed class WorkflowOptions
{
    public const string SectionName = "RectifyFlows:Workflows";

    /// <summary>The monthly inspection window closes at the end of this day of the month (China Standard Time).</summary>
    [Range(1, 28)]
    public int InspectionWindowClosesOnDay { get; set; } = 20;

    /// <summary>When set, the window closes this long after the cycle opens instead (the Fast profile uses seconds).</summary>
    public TimeSpan? InspectionWindow { get; set; }

    /// <summary>Days an action opened by a cycle has before it is due.</summary>
    [Range(1, 365)]
    public int ActionDueDays { get; set; } = 14;

    /// <summary>Days a call-in (约谈) has before it is due.</summary>
    [Range(1, 365)]
    public int CallInDueDays { get; set; } = 7;

    /// <summary>How many townships at the bottom are called in (weekly) or can get a strike (quarterly).</summary>
    [Range(1, 50)]
    public int BottomCount { get; set; } = 3;

    /// <summary>Attendance (rule 7): a first secretary or work-team member on site fewer days than this in a month is a breach.</summary>
    [Range(1, 31)]
    public int MinimumDaysOnSite { get; set; } = 20;

    /// <summary>Quarterly: a score below this, while in the bottom N, is a strike.</summary>
    [Range(0, 100)]
    public decimal StrikeThreshold { get; set; } = 90;

    /// <summary>Quarterly score weights in percent: projects and funds (30% per the report), measures, supervision.</summary>
    [Range(0, 100)]
    public int ProjectsWeight { get; set; } = 30;

    [Range(0, 100)]
    public int MeasuresWeight { get; set; } = 40;

    [Range(0, 100)]
    public int SupervisionWeight { get; set; } = 30;

    /// <summary>The deadline ladder (rule 3), in days relative to the due date.</summary>
    public EscalationLadderOptions Escalation { get; set; } = new();
}

/// <summary>Offsets of the deadline ladder, in days; <see cref="DayLength"/> makes a "day" shorter in the Fast profile.</summary>
public sealed class EscalationLadderOptions
{
    /// <summary>Reminders this many days before the due date.</summary>
    public IList<int> ReminderDaysBefore { get; } = [7, 3, 1];

    /// <summary>Level 2 (leading official, named in the bulletin) this many days after the due date.</summary>
    [Range(1, 365)]
    public int Level2DaysAfter { get; set; } = 3;

    /// <summary>Level 3 (an accountability action is opened) this many days after the due date.</summary>
    [Range(1, 365)]
    public int Level3DaysAfter { get; set; } = 7;

    /// <summary>
    /// The length of a ladder "day". One day in production; in the Fast profile seconds, and the due date is then
    /// counted from the moment the ladder starts (a measure due today is due one "day" later).
    /// </summary>
    public TimeSpan DayLength { get; set; } = TimeSpan.FromDays(1);

    public bool Compressed => DayLength < TimeSpan.FromDays(1);
}
