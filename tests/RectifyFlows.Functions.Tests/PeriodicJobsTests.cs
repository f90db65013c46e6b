using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using RectifyFlows.Functions.Tests.Settings;
using RectifyFlows.Host;
using RectifyFlows.Host.Scheduling;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Functions.Tests;

/// <summary>
/// Issue 15: periodic work on one mechanism per host, one to one. Every entry of the shared <see cref="PeriodicJobs"/>
/// is exactly one timer function of the Functions app (on its app setting) and one Quartz job of the standalone host
/// (with its work and the triggers its settings ask for), and neither host has periodic work outside the list.
/// </summary>
[TestClass]
public sealed class PeriodicJobsTests
{
    private static IReadOnlyList<string> Declared => [.. PeriodicJobs.All.Select(job => job.Name).Order(StringComparer.Ordinal)];

    [TestMethod]
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
    public void EveryPeriodicJob_IsOneFunctionsTimer_OnItsSetting_AndEveryTimerIsAJob()
    {
        var timers = FunctionsMetadata.Load().Functions.Where(f => f.Trigger.Type == "timerTrigger").ToList();

        CollectionAssert.AreEqual(Declared.ToList(), timers.Select(t => t.Name).Order(StringComparer.Ordinal).ToList());
        foreach (var job in PeriodicJobs.All)
        {
            Assert.AreEqual($"%{job.TimerSetting}%", timers.Single(t => t.Name == job.Name).Trigger.Schedule, job.Name);
        }
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    public async Task EveryPeriodicJob_IsOneQuartzJobOfTheStandaloneHost_WithTheTriggersOfItsSettings()
    {
        CollectionAssert.AreEquivalent(Declared.ToList(), HostPeriodicWork.ByJob.Keys.ToList(), "each job has its work");

        // The crash tests' settings: the doctor off, a one-second dispatcher, the schedules on (the default).
        await using var host = BuildHost(new Dictionary<string, string?>
        {
            ["RectifyFlows:Operations:DoctorInterval"] = "00:00:00",
            ["RectifyFlows:Notifications:PollInterval"] = "00:00:01",
            ["RectifyFlows:Notifications:Smtp:Host"] = "127.0.0.1",
            ["RectifyFlows:Notifications:Smtp:From"] = "rectifyflows@localhost",
        });
        var scheduler = await SchedulerOf(host);

        var jobs = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup())).Select(k => k.Name).Order(StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(Declared.ToList(), jobs, "one Quartz job per periodic job, and no other");
        foreach (var name in jobs)
        {
            Assert.IsTrue((await scheduler.GetJobDetail(new JobKey(name)))!.ConcurrentExecutionDisallowed, $"{name} must not overlap itself");
        }

        Assert.IsEmpty(await TriggersOf(scheduler, PeriodicJobs.WorkflowDoctor.Name), "DoctorInterval 0 turns the doctor off");
        var dispatch = (ISimpleTrigger)(await TriggersOf(scheduler, PeriodicJobs.DispatchOutbox.Name)).Single();
        Assert.AreEqual(TimeSpan.FromSeconds(1), dispatch.RepeatInterval);
        Assert.AreEqual(TimeSpan.FromDays(1), ((ISimpleTrigger)(await TriggersOf(scheduler, PeriodicJobs.StoreRetention.Name)).Single()).RepeatInterval);
        Assert.AreEqual(TimeSpan.FromHours(1), ((ISimpleTrigger)(await TriggersOf(scheduler, PeriodicJobs.LeadOverdueReminders.Name)).Single()).RepeatInterval);
        Assert.HasCount(1, await TriggersOf(scheduler, PeriodicJobs.EscalationCatchUp.Name), "the ladders' catch-up at start");
        var monthly = await TriggersOf(scheduler, PeriodicJobs.MonthlyCycleSchedule.Name);
        Assert.AreEqual("0 0 9 1 * ?", monthly.OfType<ICronTrigger>().Single().CronExpressionString);
        Assert.HasCount(2, monthly, "the cron and the catch-up at start");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    public async Task StandaloneHost_WithoutAChannelOrSchedules_KeepsTheJobs_WithoutTheirTriggers()
    {
        await using var host = BuildHost(new Dictionary<string, string?> { ["RectifyFlows:Schedules:Enabled"] = "false" });
        var scheduler = await SchedulerOf(host);

        Assert.IsEmpty(await TriggersOf(scheduler, PeriodicJobs.DispatchOutbox.Name), "no channel: messages wait in the outbox");
        Assert.IsEmpty(await TriggersOf(scheduler, PeriodicJobs.QuarterlyEvaluationSchedule.Name));
        Assert.HasCount(1, await TriggersOf(scheduler, PeriodicJobs.WorkflowDoctor.Name));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host, CooperativeCancellation = true)]
    public void EveryHostSetting_OfAPeriodicJob_IsOneTheStandaloneHostReads()
    {
        var reads = CodeSettings.Scan().Where(read => read.HostOnly).Select(read => read.Key).ToHashSet(StringComparer.Ordinal);

        foreach (var job in PeriodicJobs.All.Where(job => job.HostSetting is not null))
        {
            Assert.Contains(job.HostSetting!, reads, $"{job.Name}: the host's trigger reads {job.HostSetting}");
        }
    }

    private static async Task<IReadOnlyList<ITrigger>> TriggersOf(IScheduler scheduler, string job) => await scheduler.GetTriggersOfJob(new JobKey(job));

    /// <summary>The standalone host as its composition builds it, with <paramref name="settings"/> (nothing started).</summary>
    private static WebApplication BuildHost(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRectifyFlowsHost();
        return builder.Build();
    }

    private static Task<IScheduler> SchedulerOf(WebApplication host) => host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask();
}
