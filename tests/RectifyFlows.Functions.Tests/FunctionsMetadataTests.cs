using System.Reflection;
using System.Text.RegularExpressions;
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
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
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
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
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
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
    public void FunctionsMetadata_HasNoDurableFunction_OutsideTaskTypes()
    {
        var known = DependencyInjection.TaskTypes.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var durable = FunctionsMetadata.Load().Functions
            .Where(f => f.Trigger.Type is "orchestrationTrigger" or "activityTrigger")
            .Select(f => f.Name);

        CollectionAssert.IsSubsetOf(durable.ToList(), known.ToList(), "A wrapper whose function name is no task class is never called.");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
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
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
    public void FunctionsMetadata_ListsEveryTimer_OnItsAppSetting_WrittenInUtcByTheTemplateAndTheLocalSettings()
    {
        // China has kept UTC+8 all year since 1991, so 01:00 UTC is 09:00 China time on the same calendar day.
        for (var month = new DateTimeOffset(2017, 1, 1, 1, 0, 0, TimeSpan.Zero); month.Year < 2050; month = month.AddMonths(1))
        {
            var china = ChinaTime.ToChinaTime(month);
            Assert.AreEqual((month.Year, month.Month, month.Day, 9, 0), (china.Year, china.Month, china.Day, china.Hour, china.Minute));
        }

        // function → (its schedule setting, the value infra/ and local.settings.example.json write, needs the durable client)
        var expected = new Dictionary<string, (string Setting, string Value, bool Durable)>
        {
            ["MonthlyCycleSchedule"] = ("MonthlyCycleSchedule", "0 0 1 1 * *", true),
            ["WeeklyDispatchSchedule"] = ("WeeklyDispatchSchedule", "0 0 1 * * 1", true),
            ["TenDayReportSchedule"] = ("TenDayReportSchedule", "0 0 1 1,11,21 * *", true),
            ["QuarterlyEvaluationSchedule"] = ("QuarterlyEvaluationSchedule", "0 0 1 1 1,4,7,10 *", true),
            ["EscalationCatchUp"] = ("EscalationCatchUpSchedule", "0 35 * * * *", true),
            ["WorkflowDoctor"] = ("WorkflowDoctorSchedule", "0 5 * * * *", true),
            ["StoreRetention"] = ("StoreRetentionSchedule", "0 0 18 * * *", true),
            ["LeadOverdueReminders"] = ("LeadReminderSchedule", "0 0 1 * * *", false),
            ["DispatchOutbox"] = ("NotificationDispatchSchedule", "*/30 * * * * *", false),
        };
        var metadata = FunctionsMetadata.Load();
        var local = File.ReadAllText(Path.Combine(FunctionsOutput.RepositoryRoot.FullName, "functions", "RectifyFlows.Functions", "local.settings.example.json"));
        var bicep = File.ReadAllText(Path.Combine(FunctionsOutput.RepositoryRoot.FullName, "infra", "app", "function-app.bicep"));
        foreach (var (name, (setting, value, durable)) in expected)
        {
            var timer = metadata.Single(name);
            Assert.AreEqual("timerTrigger", timer.Trigger.Type, name);
            Assert.AreEqual($"%{setting}%", timer.Trigger.Schedule, $"{name}: configurable per deployment, not compiled in");
            Assert.AreEqual(durable, timer.Binds("durableClient"), name);
            StringAssert.Contains(local, $"\"{setting}\": \"{value}\"", name);
            StringAssert.Matches(bicep, new Regex($"name: '{setting}'[^\\n]*\\n\\s*value: '{Regex.Escape(value)}'"),
                $"{setting}: a missing setting would keep the function from indexing in Azure");
        }

        Assert.HasCount(expected.Count, metadata.Functions.Where(f => f.Trigger.Type == "timerTrigger"), "every timer is listed here");
        Assert.AreEqual("UTC", TimeZoneSetting(local), "the Functions app reads its schedules in UTC, the zone its timers fire in");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
    public void FunctionsMetadata_ListsTheOutboxDispatcherTimer_WithoutTheDurableClient()
    {
        var dispatch = FunctionsMetadata.Load().Single("DispatchOutbox");

        Assert.AreEqual("%NotificationDispatchSchedule%", dispatch.Trigger.Schedule);
        Assert.IsFalse(dispatch.Binds("durableClient"), "delivery needs no orchestration");
    }

    private static string? TimeZoneSetting(string localSettings) =>
        Regex.Match(localSettings, "\"RectifyFlows__Schedules__TimeZone\": \"([^\"]*)\"") is { Success: true } match ? match.Groups[1].Value : null;

    [TestMethod]
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
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
