namespace RectifyFlows.Workflows.Scheduling;

/// <summary>
/// The product's periodic work, declared once (ADR 0015): each entry is exactly one timer function of the Functions app
/// and one Quartz job of the standalone host, under the same name (the field's, so <c>[Function(nameof(…))]</c> names the
/// timer). Tests hold both hosts to this list, so a timer without a job (or the reverse) fails instead of drifting.
/// </summary>
public static class PeriodicJobs
{
    /// <summary>Opens the month's round (the standalone host: Quartz cron in the schedules' zone).</summary>
    public static readonly PeriodicJob MonthlyCycleSchedule =
        new(nameof(MonthlyCycleSchedule), "MonthlyCycleSchedule", HostTrigger.Cron, "RectifyFlows:Schedules:Monthly", CycleKind.Monthly);

    /// <summary>The week's dispatch.</summary>
    public static readonly PeriodicJob WeeklyDispatchSchedule =
        new(nameof(WeeklyDispatchSchedule), "WeeklyDispatchSchedule", HostTrigger.Cron, "RectifyFlows:Schedules:Weekly", CycleKind.Weekly);

    /// <summary>The report of the ten days just ended.</summary>
    public static readonly PeriodicJob TenDayReportSchedule =
        new(nameof(TenDayReportSchedule), "TenDayReportSchedule", HostTrigger.Cron, "RectifyFlows:Schedules:TenDay", CycleKind.TenDay);

    /// <summary>Evaluates the quarter just ended.</summary>
    public static readonly PeriodicJob QuarterlyEvaluationSchedule =
        new(nameof(QuarterlyEvaluationSchedule), "QuarterlyEvaluationSchedule", HostTrigger.Cron, "RectifyFlows:Schedules:Quarterly", CycleKind.Quarterly);

    /// <summary>Starts the missing deadline ladders: the host once at start, the Functions app (which has no start) hourly.</summary>
    public static readonly PeriodicJob EscalationCatchUp = new(nameof(EscalationCatchUp), "EscalationCatchUpSchedule", HostTrigger.AtStart, null);

    /// <summary>Finds broken ladders and cycles and rebuilds them (with the outbox gauges).</summary>
    public static readonly PeriodicJob WorkflowDoctor =
        new(nameof(WorkflowDoctor), "WorkflowDoctorSchedule", HostTrigger.Interval, "RectifyFlows:Operations:DoctorInterval");

    /// <summary>Purges what the retention settings no longer keep.</summary>
    public static readonly PeriodicJob StoreRetention =
        new(nameof(StoreRetention), "StoreRetentionSchedule", HostTrigger.Interval, "RectifyFlows:Operations:RetentionInterval");

    /// <summary>Reminds the owners of overdue leads (once a day per lead, however often it runs).</summary>
    public static readonly PeriodicJob LeadOverdueReminders =
        new(nameof(LeadOverdueReminders), "LeadReminderSchedule", HostTrigger.Interval, "RectifyFlows:Leads:CheckInterval");

    /// <summary>Delivers the outbox (one dispatcher pass).</summary>
    public static readonly PeriodicJob DispatchOutbox =
        new(nameof(DispatchOutbox), "NotificationDispatchSchedule", HostTrigger.Interval, "RectifyFlows:Notifications:PollInterval");

    /// <summary>Every periodic job; the cycles first, in the order a catch-up runs them.</summary>
    public static readonly IReadOnlyList<PeriodicJob> All =
    [
        MonthlyCycleSchedule, WeeklyDispatchSchedule, TenDayReportSchedule, QuarterlyEvaluationSchedule,
        EscalationCatchUp, WorkflowDoctor, StoreRetention, LeadOverdueReminders, DispatchOutbox,
    ];

    /// <summary>The job that fires a cycle.</summary>
    public static PeriodicJob Cycle(CycleKind kind) => All.Single(job => job.Cycle == kind);
}
