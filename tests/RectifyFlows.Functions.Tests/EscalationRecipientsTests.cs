using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RectifyFlows.Api.Auth;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Notifications;
using RectifyFlows.Storage.Auth;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Functions.Tests;

/// <summary>
/// Who hears a ladder step of a measure of plan format 2 (the township plan of <c>seeds/examples</c>), in the Functions
/// app's Production composition: every lead unit, and a group of responsible units (各村支部) as the villages stored when
/// the step is sent, a village added after the import included; and the ten-day cycle's reverification request goes to
/// every lead unit of a long-term measure. The standalone host's side (level 3, and the monthly report naming both):
/// <c>OfficeCyclesTests.TownshipPlan_RunsItsOwnMonthWeekAndQuarter_AndTheDistrictsReportsAreUnchangedByIt</c>.
/// </summary>
[TestClass]
public sealed class EscalationRecipientsTests : FunctionsAppTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Cycle, CooperativeCancellation = true)]
    public async Task LadderStep_ReachesEveryLeadUnit_AndEveryVillageOfAGroup_AddedLaterIncluded()
    {
        await using var app = await StartAppAsync();
        var importer = app.Services.GetRequiredService<PlanImporter>();
        var document = TestPlans.TownshipDocument();
        await importer.ImportAsync(TestPlans.Read(document), "test", Ct);
        // A village the plan did not know when it was imported: the group takes it in from the next step on.
        document.Units!.Add(new UnitDocument { Id = "vil-shiyuan-new", Name = "石芫新村", Kind = "village", ParentId = "tw-shiyuan" });
        await importer.ImportAsync(TestPlans.Read(document), "test", Ct);
        var key = ApiKeyStore.NewKey();
        await app.Services.GetRequiredService<ApiKeyStore>().RegisterAsync(key, "recipients-operator", Roles.Operator, null, "test", Ct);

        // sy-p2-m1: lead units 乡财政所 and 乡扶贫办; responsible 各村支部 and 沙洲村; due 2017-05-31, still open.
        var measure = ItemRef.Measure("sy-p2-m1");
        var due = new DateOnly(2017, 5, 31);
        var sender = app.Services.GetRequiredService<EscalationStepSender>();
        var starter = new EscalationStarter(app.DurableClient, NullLogger<EscalationStarter>.Instance);
        foreach (var step in new[] { EscalationStep.Level1, EscalationStep.Level2 })
        {
            var result = await sender.SendAsync(new EscalationStepRequest(measure, due, new EscalationStep(step, 1, DateTimeOffset.UtcNow)), starter, Ct);
            Assert.AreEqual(EscalationStepResult.Sent, result.Outcome, step);
        }

        var level1 = MessageKeys.EscalationStep(ItemRef.MeasureKind, measure.Id, due, EscalationStep.Level1);
        var level2 = MessageKeys.EscalationStep(ItemRef.MeasureKind, measure.Id, due, EscalationStep.Level2);
        var expected = new Dictionary<string, (bool Level1, bool Level2)>
        {
            ["sy-caizheng"] = (true, true),
            ["sy-fupin"] = (true, true),
            ["vil-shazhou"] = (true, false),
            ["vil-shiyuan-new"] = (true, false),
            ["sy-village-branches"] = (false, false),
            ["sy-cunjian"] = (false, false),
        };
        foreach (var (recipient, (hearsLevel1, hearsLevel2)) in expected)
        {
            var sent = await app.InvokeHttpAsync("GET", $"/api/notifications?recipient={recipient}", [KeyValuePair.Create("X-Api-Key", key)], cancellationToken: Ct);
            Assert.AreEqual(200, sent.Status, sent.ToString());
            Assert.AreEqual(hearsLevel1, sent.Text.Contains(level1, StringComparison.Ordinal), $"{recipient}, level 1: {sent}");
            Assert.AreEqual(hearsLevel2, sent.Text.Contains(level2, StringComparison.Ordinal), $"{recipient}, level 2: {sent}");
        }
    }

    [TestMethod]
    [Timeout(TestTimeouts.Cycle, CooperativeCancellation = true)]
    public async Task TenDayCycle_AsksEveryLeadUnitOfALongTermMeasure_ToReportItsEffect()
    {
        await using var app = await StartAppAsync();
        // sy-p1-m2, long-term and due 2017-07-31, led here by 乡扶贫办 and 乡村建所 together.
        var document = TestPlans.TownshipDocument();
        var longTerm = document.Categories!.SelectMany(c => c!.Problems!).SelectMany(p => p!.Measures!).Single(m => m!.Id == "sy-p1-m2")!;
        (longTerm.LeadUnitId, longTerm.LeadUnitIds) = (null, ["sy-fupin", "sy-cunjian"]);
        await app.Services.GetRequiredService<PlanImporter>().ImportAsync(TestPlans.Read(document), "test", Ct);
        var key = ApiKeyStore.NewKey();
        await app.Services.GetRequiredService<ApiKeyStore>().RegisterAsync(key, "tenday-operator", Roles.Operator, null, "test", Ct);
        var headers = new Dictionary<string, string> { ["X-Api-Key"] = key };

        var started = await app.InvokeHttpAsync("POST", "/api/cycles/ten-day/2017-07-3", headers, "{}"u8.ToArray(), Ct);
        Assert.AreEqual(202, started.Status, started.ToString());
        var done = await app.DurableClient.WaitForInstanceCompletionAsync(started.Json().GetProperty("instanceId").GetString()!, Ct);
        Assert.AreEqual(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus, done.FailureDetails?.ErrorMessage);

        var request = MessageKeys.Reverification("2017-07-3", "sy-p1-m2");
        foreach (var lead in new[] { "sy-fupin", "sy-cunjian" })
        {
            var sent = await app.InvokeHttpAsync("GET", $"/api/notifications?recipient={lead}", headers, cancellationToken: Ct);
            Assert.AreEqual(200, sent.Status, sent.ToString());
            StringAssert.Contains(sent.Text, request, $"{lead} is asked for the period's effect: {sent}");
        }
    }
}
