using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RectifyFlows.Api.Auth;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Time;
using RectifyFlows.Notifications;
using RectifyFlows.Storage.Actions;
using RectifyFlows.Storage.Auth;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Functions.Tests;

/// <summary>
/// The ladder shared by the actions of one cycle step (ADR 0020) through the Functions app's own wrappers
/// (<c>SharedLadderOrchestrator</c>, its load and step activities) on the real engine, in the Production composition.
/// The standalone host's side: <c>RankingCycleTests.WeeklyDispatch_CallsInTheBottomThreeTownships</c>.
/// </summary>
[TestClass]
public sealed class SharedLadderTests : FunctionsAppTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Cycle, CooperativeCancellation = true)]
    public async Task SharedLadder_RunsThroughTheAppsFunctions_AndSendsItsStepToTheMembersStillOpenOnly()
    {
        await using var app = await StartAppAsync();
        var plan = TestPlans.Read(TestPlans.District(1));
        await app.Services.GetRequiredService<PlanImporter>().ImportAsync(plan, "test", Ct);
        var key = ApiKeyStore.NewKey();
        await app.Services.GetRequiredService<ApiKeyStore>().RegisterAsync(key, "ladder-operator", Roles.Operator, null, "test", Ct);

        // Due ten days ago: past level 3, so the ladder fires that step at once (Production days are real days).
        var due = ChinaTime.Today(TimeProvider.System).AddDays(-10);
        var (ladder, members) = await TestCallIns.OpenAsync(app, "weekly-test-2017-W14", due, plan.Units.Take(2).Select(u => u.Id), Ct);
        var actions = app.Services.GetRequiredService<ActionRepository>();
        var report = new ActionCompletion { CompletedOn = ChinaTime.Today(TimeProvider.System), Note = "已约谈", ReportedBy = "test", ReportedAt = DateTimeOffset.UtcNow };
        Assert.IsNotNull(await actions.UpdateAsync(members[1].UnitId!, members[1].Id, a => ActionLifecycle.Complete(a, report), Ct),
            "the second call-in is done before its ladder runs");
        var starter = new EscalationStarter(app.DurableClient, NullLogger<EscalationStarter>.Instance);
        await starter.StartSharedAsync(new SharedLadderInput(ladder, due, members), Ct);

        var done = await app.DurableClient.WaitForInstanceCompletionAsync(ladder, getInputsAndOutputs: true, Ct);
        Assert.AreEqual(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus, done.FailureDetails?.ErrorMessage);
        Assert.AreEqual(EscalationOrchestrator.Completed, done.ReadOutputAs<string>(), "level 3 fired for the member still open");

        foreach (var (member, expected) in new[] { (members[0], true), (members[1], false) })
        {
            var sent = await app.InvokeHttpAsync("GET", $"/api/notifications?recipient={member.UnitId}", [KeyValuePair.Create("X-Api-Key", key)], cancellationToken: Ct);
            Assert.AreEqual(200, sent.Status, sent.ToString());
            var level3 = MessageKeys.EscalationStep(ItemRef.ActionKind, member.Id, due, EscalationStep.Level3);
            Assert.AreEqual(expected, sent.Text.Contains(level3, StringComparison.Ordinal), $"{member.Id}: {sent}");
        }
    }
}
