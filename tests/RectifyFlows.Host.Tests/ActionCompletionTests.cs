using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Time;
using RectifyFlows.Storage.Auth;
using RectifyFlows.Storage.Tables;
using static RectifyFlows.Testing.WorkflowClient;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// An accountability action reported carried out, with proof, on the standalone host: the weekly dispatch's three
/// call-ins (one shared ladder, ADR 0020), one reported by its township's own key, two by the office; bad reports
/// refused naming the field and changing nothing; done is final; the ladder hears of it at once and ends without
/// sending a step. The Functions app's side: <c>ActionCompletionTests</c> in RectifyFlows.Functions.Tests.
/// </summary>
[TestClass]
public sealed class ActionCompletionTests : HostTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task CallIns_ReportedCarriedOut_WithProof_CloseTheirSharedLadder_AndBadReportsChangeNothing()
    {
        // Fast: a day is 2 s. Call-ins due in 30 "days", so their ladder waits about 46 s for its first reminder: the
        // test reports all three done well before that, and the ladder must end without sending anything.
        var host = await StartHostAsync(environment: "Fast", settings: new Dictionary<string, string>
        {
            ["RectifyFlows__Workflows__CallInDueDays"] = "30",
        });
        using var office = host.Client(TestKeys.Operator);
        await StartCycleAsync(office, "weekly", "2017-W14");
        await WaitForCompletionAsync(office, "weekly", "2017-W14", TimeSpan.FromSeconds(120));
        var callIns = (await office.ActionsAsync("kind=callIn&source=weekly-ganxian-2017-W14")).Select(a => (a.Id, Unit: a.UnitId)).ToList();
        Assert.HasCount(3, callIns);

        // The first township's own key, registered as an operator would with the keys verb.
        var (ownId, ownUnit) = callIns[0];
        var keys = Ledger.Get<ApiKeyStore>();
        await keys.RegisterAsync("test-unit-callin-0", $"unit-{ownUnit}", "unit", ownUnit, "test", Ct);
        await keys.RegisterAsync("test-unit-callin-1", $"unit-{callIns[1].Unit}", "unit", callIns[1].Unit, "test", Ct);
        using var township = host.Client("test-unit-callin-0");
        using var neighbour = host.Client("test-unit-callin-1");
        var ownPath = $"api/actions/{ownUnit}/{ownId}/completion";

        // The actions table alone: the host's dispatcher is still marking the cycle's messages sent meanwhile.
        var actionsTable = Ledger.Get<FeatureTables>().Actions;
        var before = await LedgerFixture.SnapshotAsync([actionsTable]);
        foreach (var (client, path, body, status, field) in new (HttpClient, string, string, HttpStatusCode, string?)[]
        {
            (neighbour, ownPath, """{"note": "已约谈"}""", HttpStatusCode.Forbidden, null),
            (township, ownPath, """{"note": "已约谈",""", HttpStatusCode.BadRequest, null),
            (township, ownPath, """{"completedOn": "2017-04-12"}""", HttpStatusCode.BadRequest, "note"),
            (township, ownPath, """{"note": 42}""", HttpStatusCode.BadRequest, "note"),
            (township, ownPath, """{"note": "已约谈", "completedOn": "2999-01-01"}""", HttpStatusCode.BadRequest, "completedOn"),
            (township, ownPath, """{"note": "已约谈", "completedOn": "2017-02-30"}""", HttpStatusCode.BadRequest, "completedOn"),
            (township, ownPath, """{"note": "已约谈", "completedOn": "2017-04-12"}""", HttpStatusCode.BadRequest, "completedOn"),
            (township, ownPath, """{"note": "已约谈", "attachments": [{"name": "记录", "url": "javascript:alert(1)"}]}""", HttpStatusCode.BadRequest, "attachments[0].url"),
            (township, $"api/actions/{ownUnit}/no-such-action/completion", """{"note": "已约谈"}""", HttpStatusCode.NotFound, null),
            (township, $"api/actions/{ownUnit}/bad%7Cid/completion", """{"note": "已约谈"}""", HttpStatusCode.NotFound, null),
        })
        {
            using var refused = await client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
            var text = await refused.Content.ReadAsStringAsync(Ct);
            Assert.AreEqual(status, refused.StatusCode, $"{body}: {text}");
            StringAssert.StartsWith(refused.Content.Headers.ContentType?.MediaType, "application/problem+json", text);
            if (field is not null)
            {
                Assert.IsNotNull(JsonNode.Parse(text)!["errors"]![field], $"the problem names {field}: {text}");
            }
        }

        CollectionAssert.AreEqual(before.ToArray(), (await LedgerFixture.SnapshotAsync([actionsTable])).ToArray(), "no refused report changed an action");

        // The township reports its call-in carried out today (it was opened today: an earlier day is refused above),
        // with the record as proof.
        var today = ChinaTime.Today(TimeProvider.System);
        using var reported = await township.PostJsonAsync(ownPath, new
        {
            note = "区扶贫开发领导小组已约谈乡党委书记、乡长，乡里已提交整改提速方案。",
            completedOn = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            attachments = new[] { new { name = "约谈记录.pdf", url = "https://files.example.gov.cn/callin-2017-w14.pdf" } },
        });
        Assert.AreEqual(HttpStatusCode.OK, reported.StatusCode, await reported.Content.ReadAsStringAsync(Ct));
        var done = await office.ActionAsync(ownUnit, ownId);
        Assert.AreEqual(ActionStatuses.Done, done.Status);
        Assert.AreEqual(today, done.Completion!.CompletedOn);
        Assert.AreEqual($"unit-{ownUnit}", done.Completion.ReportedBy);
        Assert.AreEqual("约谈记录.pdf", done.Completion.Attachments.Single().Name);
        var history = done.History.Single();
        Assert.AreEqual((ActionLifecycle.CompleteChange, ActionStatuses.Open, ActionStatuses.Done), (history.Change, history.From, history.To));

        // Done is final; a unit key reads its own action and not another's.
        using var again = await township.PostJsonAsync(ownPath, new { note = "再次报送" });
        Assert.AreEqual(HttpStatusCode.Conflict, again.StatusCode);
        StringAssert.EndsWith(JsonNode.Parse(await again.Content.ReadAsStringAsync(Ct))!["type"]!.GetValue<string>(), "illegal-transition");
        using var foreign = await neighbour.GetAsync(new Uri($"api/actions/{ownUnit}/{ownId}", UriKind.Relative), Ct);
        Assert.AreEqual(HttpStatusCode.Forbidden, foreign.StatusCode);

        // The office reports the other two; the shared ladder, told of each, ends with every member done.
        foreach (var (id, unit) in callIns.Skip(1))
        {
            using var byOffice = await office.PostJsonAsync($"api/actions/{unit}/{id}/completion", new { note = "约谈已进行，记录存档。" });
            Assert.AreEqual(HttpStatusCode.OK, byOffice.StatusCode, await byOffice.Content.ReadAsStringAsync(Ct));
        }

        var ladder = $"escalation-actions-weekly-ganxian-2017-W14-{done.DueDate:yyyyMMdd}";
        await new TaskHub(Ledger.ConnectionString, "hub" + Ledger.Prefix).WaitForStatusAsync(ladder, "Completed", TimeSpan.FromSeconds(30));
        var closed = await office.ActionsAsync("kind=callIn&status=done&source=weekly-ganxian-2017-W14");
        Assert.HasCount(3, closed);
        foreach (var (id, unit) in callIns)
        {
            var steps = (await office.NotificationKeysAsync($"recipient={unit}"))
                .Where(k => k.StartsWith($"escalation|action|{id}|", StringComparison.Ordinal)).ToList();
            Assert.IsEmpty(steps, $"{unit}: the ladder sent nothing for a call-in done before its first step: {string.Join(", ", steps)}");
        }
    }
}
