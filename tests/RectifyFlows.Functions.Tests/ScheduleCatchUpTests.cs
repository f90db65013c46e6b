using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RectifyFlows.Api.Auth;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Domain.Time;
using RectifyFlows.Host.Scheduling;
using RectifyFlows.Storage.Auth;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Scheduling;

namespace RectifyFlows.Functions.Tests;

/// <summary>
/// Issue 11's schedules through the harness: a timer fire runs the monthly cycle to its archived report; a late fire
/// starts the period it missed, not the one it runs in; several missed quarters are each evaluated, in order (issue 12:
/// strikes count adjacent quarters, so a missed one must not be bridged). The standalone host's side is the same shared
/// <see cref="ScheduleCatchUp"/> over its Quartz schedules (<see cref="QuartzCycleFireTimes"/>), run here on the same engine.
/// </summary>
[TestClass]
public sealed class ScheduleCatchUpTests : FunctionsAppTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Cycle, CooperativeCancellation = true)]
    public async Task MonthlyTimerFire_RunsTheCycle_ThroughTheAppsOrchestrators_ToTheArchivedReport()
    {
        var options = new FunctionsHarnessOptions();
        options.AppSettings["RectifyFlows__Workflows__InspectionWindow"] = "00:00:02"; // no team reports: the window closes
        await using var app = await StartAppAsync(options);
        var plan = TestPlans.Read(TestPlans.District(1));
        await app.Services.GetRequiredService<PlanImporter>().ImportAsync(plan, "test", Ct);
        var key = ApiKeyStore.NewKey();
        await app.Services.GetRequiredService<ApiKeyStore>().RegisterAsync(key, "schedule-operator", Roles.Operator, null, "test", Ct);

        await app.InvokeTimerAsync("MonthlyCycleSchedule", cancellationToken: Ct);

        // The template's schedule is the 1st at 01:00 UTC (09:00 China time): the last fire's month, read independently.
        var now = ChinaTime.ToChinaTime(DateTimeOffset.UtcNow);
        var month = now.Day == 1 && now.Hour < 9 ? now.AddMonths(-1) : now;
        var period = CyclePeriods.Month(DateOnly.FromDateTime(month.DateTime));
        var done = await app.DurableClient.WaitForInstanceCompletionAsync(CyclePeriods.InstanceId(CycleKind.Monthly, period), Ct);
        Assert.AreEqual(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus, done.FailureDetails?.ErrorMessage);
        var office = await app.DurableClient.GetInstanceAsync(CyclePeriods.InstanceId(CycleKind.Monthly, period, plan.OfficeId), Ct);
        Assert.AreEqual(OrchestrationRuntimeStatus.Completed, office?.RuntimeStatus, "the office's own monthly cycle ran to its end");

        var report = await app.InvokeHttpAsync("GET", $"/api/reports/monthly/{period}?office={plan.OfficeId}&format=json",
            [KeyValuePair.Create("X-Api-Key", key)], cancellationToken: Ct);
        Assert.AreEqual(200, report.Status, report.ToString());
        StringAssert.Contains(report.ToString(), period);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Cycle, CooperativeCancellation = true)]
    public async Task LateFires_StartTheMissedPeriods_InOrder_NotThePeriodTheyRunIn()
    {
        var time = new SettableClock(new DateTimeOffset(2026, 2, 10, 12, 0, 0, TimeSpan.Zero));
        await using var app = await StartAppAsync(new FunctionsHarnessOptions { ConfigureServices = s => s.AddSingleton<TimeProvider>(time) });
        var client = app.DurableClient;
        var cycles = new CycleStarter(client, new RunningCycles(time), NullLogger<CycleStarter>.Instance);
        await StartAndWaitAsync(cycles, client, CycleKind.Monthly, "2026-01");
        await StartAndWaitAsync(cycles, client, CycleKind.Quarterly, "2026-Q1");

        // 00:30 China time on 1 March: the February fire (1 Feb 09:00) is the last that passed; March's is 8.5 hours away.
        time.Now = new DateTimeOffset(2026, 3, 1, 0, 30, 0, TimeSpan.FromHours(8));
        await app.InvokeTimerAsync("MonthlyCycleSchedule", isPastDue: true, cancellationToken: Ct);

        Assert.IsNotNull(await client.GetInstanceAsync("monthly-2026-02", Ct), "the missed month starts");
        Assert.IsNull(await client.GetInstanceAsync("monthly-2026-03", Ct), "the coming month does not start early");

        // 10:00 China time on 1 October, Q2 and Q3 never ran: each is evaluated, Q2 to its end before Q3 starts.
        time.Now = new DateTimeOffset(2026, 10, 1, 10, 0, 0, TimeSpan.FromHours(8));
        await app.InvokeTimerAsync("QuarterlyEvaluationSchedule", isPastDue: true, cancellationToken: Ct);

        await AssertEvaluatedInOrderAsync(client, "quarterly-2026-Q2", "quarterly-2026-Q3");
        Assert.IsNull(await client.GetInstanceAsync("quarterly-2026-Q4", Ct));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Cycle, CooperativeCancellation = true)]
    public async Task StandaloneHost_SameCatchUp_OverItsQuartzSchedules_StartsEveryMissedQuarterAndTheMissedMonth()
    {
        // The host's CycleJob and start-up catch-up are this shared ScheduleCatchUp over QuartzCycleFireTimes, with the
        // defaults (09:00 in Asia/Shanghai); the harness's engine runs the cycles.
        await using var app = await StartAppAsync();
        var client = app.DurableClient;
        var cycles = new CycleStarter(client, new RunningCycles(TimeProvider.System), NullLogger<CycleStarter>.Instance);
        var options = Options.Create(new ScheduleOptions());
        var host = new ScheduleCatchUp(cycles, new QuartzCycleFireTimes(options), options, NullLogger<ScheduleCatchUp>.Instance);
        await StartAndWaitAsync(cycles, client, CycleKind.Monthly, "2026-01");
        await StartAndWaitAsync(cycles, client, CycleKind.Quarterly, "2025-Q4");

        var months = await host.RunAsync(CycleKind.Monthly, new DateTimeOffset(2026, 3, 1, 8, 59, 0, TimeSpan.FromHours(8)), Ct);
        var quarters = await host.RunAsync(CycleKind.Quarterly, new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.FromHours(8)), Ct);

        CollectionAssert.AreEqual(new[] { "monthly-2026-02" }, months.ToArray(), "a minute before March's fire: February only");
        CollectionAssert.AreEqual(new[] { "quarterly-2026-Q1", "quarterly-2026-Q2", "quarterly-2026-Q3" }, quarters.ToArray());
        await AssertEvaluatedInOrderAsync(client, "quarterly-2026-Q1", "quarterly-2026-Q2", "quarterly-2026-Q3");
        Assert.IsEmpty(await host.RunAsync(CycleKind.Quarterly, new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.FromHours(8)), Ct), "a second run starts nothing");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Cycle, CooperativeCancellation = true)]
    public async Task EscalationCatchUpTimer_StartsTheLaddersOfOpenMeasures_ImportedWithoutThem()
    {
        await using var app = await StartAppAsync();
        var document = TestPlans.District(2);
        // Imported past the API (as a crashed import or a start while the engine was down leaves it): no ladder yet.
        await app.Services.GetRequiredService<PlanImporter>().ImportAsync(TestPlans.Read(document), "test", Ct);
        var ladder = ItemRef.Measure(TestPlans.FirstMeasure(document).Id!).EscalationInstanceId;
        Assert.IsNull(await app.DurableClient.GetInstanceAsync(ladder, Ct));

        await app.InvokeTimerAsync("EscalationCatchUp", cancellationToken: Ct);
        await app.InvokeTimerAsync("EscalationCatchUp", cancellationToken: Ct);

        var measures = document.Categories!.SelectMany(c => c!.Problems!).SelectMany(p => p!.Measures!).Select(m => m!.Id!).ToList();
        foreach (var id in measures)
        {
            Assert.IsNotNull(await app.DurableClient.GetInstanceAsync(ItemRef.Measure(id).EscalationInstanceId, Ct), $"the ladder of {id}");
        }

        var log = app.Log.Entries.Select(e => e.Message).Where(m => m.StartsWith("Escalation catch-up", StringComparison.Ordinal)).ToList();
        CollectionAssert.AreEqual(
            new[] { $"Escalation catch-up: {measures.Count} open measures, {measures.Count} ladders started", $"Escalation catch-up: {measures.Count} open measures, 0 ladders started" },
            log, "the second fire finds every ladder and starts none");
    }

    private async Task StartAndWaitAsync(CycleStarter cycles, DurableTaskClient client, CycleKind kind, string period)
    {
        var (instanceId, _) = await cycles.StartAsync(kind, period, Ct);
        await client.WaitForInstanceCompletionAsync(instanceId, Ct);
    }

    private async Task AssertEvaluatedInOrderAsync(DurableTaskClient client, params string[] instanceIds)
    {
        OrchestrationMetadata? previous = null;
        foreach (var instanceId in instanceIds)
        {
            var instance = await client.WaitForInstanceCompletionAsync(instanceId, Ct);
            Assert.AreEqual(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus, instanceId);
            if (previous is not null)
            {
                Assert.IsTrue(instance.CreatedAt >= previous.LastUpdatedAt, $"{instanceId} started after {previous.InstanceId} ended: strikes build on the quarter before");
            }

            previous = instance;
        }
    }

    /// <summary>
    /// The app's clock set by the test; timers stay real (a fake provider's timers would wait forever for the test to advance them,
    /// and the storage client's retries and the engine use timers).
    /// </summary>
    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
