using System.Reflection;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RectifyFlows.Domain.Time;
using RectifyFlows.Workflows;

namespace RectifyFlows.Functions.Tests;

/// <summary>
/// The Functions app exposes every shared orchestrator and activity under its class name (the name the orchestrators
/// call), the four schedules, and the HTTP routes, as the Functions host will index them from <c>functions.metadata</c>.
/// </summary>
[TestClass]
public sealed class FunctionsMetadataTests
{
    private static IEnumerable<Type> Orchestrators => DependencyInjection.TaskTypes.Where(typeof(ITaskOrchestrator).IsAssignableFrom);

    private static IEnumerable<Type> Activities => DependencyInjection.TaskTypes.Where(typeof(ITaskActivity).IsAssignableFrom);

    [TestMethod]
    [Timeout(10_000, CooperativeCancellation = true)]
    public void FunctionsMetadata_HasOrchestrationTrigger_ForEveryOrchestratorInTaskTypes()
    {
        var metadata = FunctionsMetadata.Load();
        Assert.IsNotEmpty(Orchestrators);
        foreach (var orchestrator in Orchestrators)
        {
            Assert.AreEqual("orchestrationTrigger", metadata.Single(orchestrator.Name).Trigger.Type, orchestrator.Name);
        }
    }

    [TestMethod]
    [Timeout(10_000, CooperativeCancellation = true)]
    public void FunctionsMetadata_HasActivityTrigger_ForEveryActivityInTaskTypes()
    {
        var metadata = FunctionsMetadata.Load();
        Assert.IsNotEmpty(Activities);
        foreach (var activity in Activities)
        {
            Assert.AreEqual("activityTrigger", metadata.Single(activity.Name).Trigger.Type, activity.Name);
        }
    }

    [TestMethod]
    [Timeout(10_000, CooperativeCancellation = true)]
    public void FunctionsMetadata_HasNoDurableFunction_OutsideTaskTypes()
    {
        var known = DependencyInjection.TaskTypes.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var durable = FunctionsMetadata.Load().Functions
            .Where(f => f.Trigger.Type is "orchestrationTrigger" or "activityTrigger")
            .Select(f => f.Name);

        CollectionAssert.IsSubsetOf(durable.ToList(), known.ToList(), "A wrapper whose function name is no task class is never called.");
    }

    [TestMethod]
    [Timeout(10_000, CooperativeCancellation = true)]
    public void FunctionsMetadata_BindsDurableClient_ForEveryActivityThatStartsOrchestrations()
    {
        var metadata = FunctionsMetadata.Load();
        var starting = Activities.Where(NeedsDurableClient).ToList();
        Assert.IsNotEmpty(starting, "Some activities start escalation ladders; none found means this check lost its subject.");
        foreach (var activity in starting)
        {
            Assert.IsTrue(metadata.Single(activity.Name).Binds("durableClient"),
                $"{activity.Name} needs a DurableTaskClient, which Functions only provides as a [DurableClient] binding.");
        }
    }

    [TestMethod]
    [Timeout(10_000, CooperativeCancellation = true)]
    public void FunctionsMetadata_ListsCycleTimers_AtNineChinaTimeWrittenInUtc()
    {
        // China has kept UTC+8 all year since 1991, so 01:00 UTC is 09:00 China time on the same calendar day.
        for (var month = new DateTimeOffset(2017, 1, 1, 1, 0, 0, TimeSpan.Zero); month.Year < 2050; month = month.AddMonths(1))
        {
            var china = ChinaTime.ToChinaTime(month);
            Assert.AreEqual((month.Year, month.Month, month.Day, 9, 0), (china.Year, china.Month, china.Day, china.Hour, china.Minute));
        }

        var expected = new Dictionary<string, string>
        {
            ["MonthlyCycleSchedule"] = "0 0 1 1 * *",
            ["WeeklyDispatchSchedule"] = "0 0 1 * * 1",
            ["TenDayReportSchedule"] = "0 0 1 1,11,21 * *",
            ["QuarterlyEvaluationSchedule"] = "0 0 1 1 1,4,7,10 *",
        };
        var metadata = FunctionsMetadata.Load();
        foreach (var (name, schedule) in expected)
        {
            var timer = metadata.Single(name);
            Assert.AreEqual("timerTrigger", timer.Trigger.Type, name);
            Assert.AreEqual(schedule, timer.Trigger.Schedule, name);
            Assert.IsTrue(timer.Binds("durableClient"), $"{name} starts a cycle, so it needs the durable client.");
        }

        Assert.HasCount(expected.Count + 1, metadata.Functions.Where(f => f.Trigger.Type == "timerTrigger" && f.Name is not ("LeadOverdueReminders" or "WorkflowDoctor" or "StoreRetention")), "the cycle timers and DispatchOutbox");
    }

    [TestMethod]
    [Timeout(10_000, CooperativeCancellation = true)]
    public void FunctionsMetadata_ListsTheOutboxDispatcherTimer_OnTheScheduleFromItsAppSetting()
    {
        var metadata = FunctionsMetadata.Load();

        var dispatch = metadata.Single("DispatchOutbox");

        Assert.AreEqual("timerTrigger", dispatch.Trigger.Type);
        Assert.AreEqual("%NotificationDispatchSchedule%", dispatch.Trigger.Schedule, "configurable per deployment, not compiled in");
        Assert.IsFalse(dispatch.Binds("durableClient"), "delivery needs no orchestration");
        var settings = File.ReadAllText(Path.Combine(FunctionsOutput.RepositoryRoot.FullName, "functions", "RectifyFlows.Functions", "local.settings.example.json"));
        StringAssert.Contains(settings, "\"NotificationDispatchSchedule\": \"*/30 * * * * *\"");
        StringAssert.Contains(File.ReadAllText(Path.Combine(FunctionsOutput.RepositoryRoot.FullName, "infra", "app", "function-app.bicep")), "name: 'NotificationDispatchSchedule'",
            "a missing setting would keep the function from indexing in Azure");
    }

    [TestMethod]
    [Timeout(10_000, CooperativeCancellation = true)]
    public void FunctionsMetadata_ListsTheDoctorHourly_AndRetentionDailyAtTwoChinaTime_WithTheDurableClient()
    {
        var metadata = FunctionsMetadata.Load();

        var doctor = metadata.Single("WorkflowDoctor");
        Assert.AreEqual("timerTrigger", doctor.Trigger.Type);
        Assert.AreEqual("0 5 * * * *", doctor.Trigger.Schedule);
        Assert.IsTrue(doctor.Binds("durableClient"), "the doctor purges and restarts instances");
        var retention = metadata.Single("StoreRetention");
        Assert.AreEqual("timerTrigger", retention.Trigger.Type);
        Assert.AreEqual("0 0 18 * * *", retention.Trigger.Schedule, "02:00 China Standard Time");
        Assert.IsTrue(retention.Binds("durableClient"), "retention purges completed ladders");
    }

    [TestMethod]
    [Timeout(10_000, CooperativeCancellation = true)]
    public void FunctionsMetadata_ListsOverdueLeadCheck_DailyAtNineChinaTime()
    {
        var timer = FunctionsMetadata.Load().Single("LeadOverdueReminders");

        Assert.AreEqual("timerTrigger", timer.Trigger.Type);
        Assert.AreEqual("0 0 1 * * *", timer.Trigger.Schedule);
    }

    [TestMethod]
    [Timeout(10_000, CooperativeCancellation = true)]
    public void FunctionsMetadata_NamesEachFunctionOnce()
    {
        var names = FunctionsMetadata.Load().Functions.Select(f => f.Name).ToList();
        CollectionAssert.AllItemsAreUnique(names);
    }

    // A constructor dependency that is a DurableTaskClient, or is built over one (EscalationStarter and the like).
    private static bool NeedsDurableClient(Type type) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(c => c.GetParameters())
            .Any(p => typeof(DurableTaskClient).IsAssignableFrom(p.ParameterType) || TakesDurableClient(p.ParameterType));

    private static bool TakesDurableClient(Type type) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(c => c.GetParameters())
            .Any(p => typeof(DurableTaskClient).IsAssignableFrom(p.ParameterType));
}
