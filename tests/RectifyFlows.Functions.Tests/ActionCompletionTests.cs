using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RectifyFlows.Api.Auth;
using RectifyFlows.Domain.Time;
using RectifyFlows.Storage.Auth;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Functions.Tests;

/// <summary>
/// Accountability actions reported carried out through the Functions app's own triggers (<c>CompleteAction</c>,
/// <c>GetAction</c>) in the Production composition: a unit reports its own, the office another; another unit's key is
/// refused; done is final; the shared ladder (ADR 0020), waiting days for its first reminder, ends at once. The
/// standalone host's side: <c>ActionCompletionTests</c> in RectifyFlows.Host.Tests.
/// </summary>
[TestClass]
public sealed class ActionCompletionTests : FunctionsAppTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Cycle, CooperativeCancellation = true)]
    public async Task Actions_ReportedCarriedOut_ThroughTheAppsTriggers_EndTheirWaitingLadder()
    {
        await using var app = await StartAppAsync();
        var plan = TestPlans.Read(TestPlans.District(1));
        await app.Services.GetRequiredService<PlanImporter>().ImportAsync(plan, "test", Ct);
        var (first, second) = (plan.Units[0].Id, plan.Units[1].Id);
        var keys = app.Services.GetRequiredService<ApiKeyStore>();
        var (operatorKey, unitKey, otherUnitKey) = (ApiKeyStore.NewKey(), ApiKeyStore.NewKey(), ApiKeyStore.NewKey());
        await keys.RegisterAsync(operatorKey, "completion-operator", Roles.Operator, null, "test", Ct);
        await keys.RegisterAsync(unitKey, $"unit-{first}", Roles.Unit, first, "test", Ct);
        await keys.RegisterAsync(otherUnitKey, $"unit-{second}", Roles.Unit, second, "test", Ct);

        // Two call-ins due in ten days on one shared ladder: its first reminder is three real days away.
        var due = ChinaTime.Today(TimeProvider.System).AddDays(10);
        var (ladder, members) = await TestCallIns.OpenAsync(app, "weekly-test-2017-W15", due, [first, second], Ct);

        await new EscalationStarter(app.DurableClient, NullLogger<EscalationStarter>.Instance).StartSharedAsync(new SharedLadderInput(ladder, due, members), Ct);
        await WaitForLadderAsync(app, ladder, OrchestrationRuntimeStatus.Running);

        var own = $"/api/actions/{first}/{members[0].Id}";
        var body = System.Text.Encoding.UTF8.GetBytes("""{"note": "已约谈乡主要领导", "attachments": [{"name": "约谈记录.pdf", "url": "https://files.example.gov.cn/r.pdf"}]}""");
        var foreign = await app.InvokeHttpAsync("POST", own + "/completion", Headers(otherUnitKey), body, Ct);
        Assert.AreEqual(403, foreign.Status, foreign.ToString());
        var missingNote = await app.InvokeHttpAsync("POST", own + "/completion", Headers(unitKey), "{}"u8.ToArray(), Ct);
        Assert.AreEqual(400, missingNote.Status, missingNote.ToString());
        StringAssert.Contains(missingNote.Text, "\"note\"", "the problem names the field");

        var reported = await app.InvokeHttpAsync("POST", own + "/completion", Headers(unitKey), body, Ct);
        Assert.AreEqual(200, reported.Status, reported.ToString());
        Assert.AreEqual("CompleteAction", reported.FunctionName);
        var again = await app.InvokeHttpAsync("POST", own + "/completion", Headers(unitKey), body, Ct);
        Assert.AreEqual(409, again.Status, again.ToString());
        var byOffice = await app.InvokeHttpAsync("POST", $"/api/actions/{second}/{members[1].Id}/completion", Headers(operatorKey),
            """{"note": "约谈已进行"}"""u8.ToArray(), Ct);
        Assert.AreEqual(200, byOffice.Status, byOffice.ToString());

        var read = await app.InvokeHttpAsync("GET", own, [KeyValuePair.Create("X-Api-Key", unitKey)], cancellationToken: Ct);
        Assert.AreEqual(200, read.Status, read.ToString());
        var json = read.Json();
        Assert.AreEqual("done", json.GetProperty("status").GetString());
        Assert.AreEqual($"unit-{first}", json.GetProperty("completion").GetProperty("reportedBy").GetString());
        Assert.AreEqual("约谈记录.pdf", json.GetProperty("completion").GetProperty("attachments")[0].GetProperty("name").GetString());
        Assert.AreEqual(1, json.GetProperty("history").GetArrayLength());

        // Both members done: the ladder, told of each, ends now instead of days from now.
        await WaitForLadderAsync(app, ladder, OrchestrationRuntimeStatus.Completed);
    }

    private static KeyValuePair<string, string>[] Headers(string key) =>
        [KeyValuePair.Create("X-Api-Key", key), KeyValuePair.Create("Content-Type", "application/json")];

    private async Task WaitForLadderAsync(FunctionsHarness app, string ladder, OrchestrationRuntimeStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var instance = await app.DurableClient.GetInstanceAsync(ladder, Ct);
            if (instance?.RuntimeStatus == status)
            {
                return;
            }

            Assert.IsLessThan(deadline, DateTime.UtcNow, $"ladder {ladder}: {instance?.RuntimeStatus}, waiting for {status}");
            await Task.Delay(TimeSpan.FromMilliseconds(250), Ct);
        }
    }
}
