using RectifyFlows.Domain.Periods;

namespace RectifyFlows.Workflows.Scheduling;

/// <summary>
/// The product's periodic work, declared once (ADR 0015): each entry is exactly one timer function of the Functions app
/// and one Quartz job of the standalone host, under the same name. Tests hold both hosts to this list, so a timer
/// without a job (or the reverse) fails the build's tests instead of drifting.
/// </summary>
public static class PeriodicJobs
{
    public const string MonthlyCycle = "MonthlyCycleSchedule";
    public const string WeeklyDispatch = "WeeklyDispatchSchedule";
    public const string TenDayReport = "TenDayReportSchedule";
    public const string QuarterlyEvaluation = "QuarterlyEvaluationSchedule";
    public const string EscalationCatchUp = "EscalationCatchUp";
    public const string WorkflowDoctor = "WorkflowDoctor";
    public const string StoreRetention = "StoreRetention";
    public const string LeadOverdueReminders = "LeadOverdueReminders";
    public const string DispatchOutbox = "DispatchOutbox";

    /// <summary>Every periodic job; the cycles first, in the order a catch-up runs them.</summary>
    public static readonly IReadOnlyList<PeriodicJob> All =
    [
        new(MonthlyCycle, "MonthlyCycleSchedule", HostTrigger.Cron, "RectifyFlows:Schedules:Monthly"),
        new(WeeklyDispatch, "WeeklyDispatchSchedule", HostTrigger.Cron, "RectifyFlows:Schedules:Weekly"),
        new(TenDayReport, "TenDayReportSchedule", HostTrigger.Cron, "RectifyFlows:Schedules:TenDay"),
        new(QuarterlyEvaluation, "QuarterlyEvaluationSchedule", HostTrigger.Cron, "RectifyFlows:Schedules:Quarterly"),
        new(EscalationCatchUp, "EscalationCatchUpSchedule", HostTrigger.AtStart, null),
        new(WorkflowDoctor, "WorkflowDoctorSchedule", HostTrigger.Interval, "RectifyFlows:Operations:DoctorInterval"),
        new(StoreRetention, "StoreRetentionSchedule", HostTrigger.Interval, "RectifyFlows:Operations:RetentionInterval"),
        new(LeadOverdueReminders, "LeadReminderSchedule", HostTrigger.Interval, "RectifyFlows:Leads:CheckInterval"),
        new(DispatchOutbox, "NotificationDispatchSchedule", HostTrigger.Interval, "RectifyFlows:Notifications:PollInterval"),
    ];

    /// <summary>The job that fires a cycle.</summary>
    public static string CycleJob(CycleKind kind) => kind switch
    {
        CycleKind.Monthly => MonthlyCycle,
        CycleKind.Weekly => WeeklyDispatch,
        CycleKind.TenDay => TenDayReport,
        CycleKind.Quarterly => QuarterlyEvaluation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The declaration of the job named <paramref name="name"/>.</summary>
    public static PeriodicJob Named(string name) =>
        All.SingleOrDefault(job => job.Name == name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, "No periodic job of that name.");
}
