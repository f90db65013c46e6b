using RectifyFlows.Domain.Leads;
using RectifyFlows.Notifications.Templates;
using static RectifyFlows.Testing.WorkflowClient;

namespace RectifyFlows.Host.Tests;

/// <summary>The leads ledger (rule 8) against the running host: assign, disposition, reminders, and the monthly report sign-off it blocks.</summary>
[TestClass]
public sealed class LeadsTests : DistrictHostTests
{
    private static string ChinaToday(int plusDays = 0) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(plusDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected override DistrictHostOptions HostOptions => new(ImportDistrict: false);

    private static async Task<string> PostLeadAsync(HttpClient client, string eventId, string receivedAt, string secret = TestKeys.WebhookSecret)
    {
        var response = await PostSignedAsync(client, "api/webhooks/leads",
            new { eventId, receivedAt, source = "hotline-12317", subject = $"线索 {eventId}：反映扶贫资金被挪用", detail = "群众来电反映。" }, secret);
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Leads_AssignThenDisposition_RemindsTheOwnerAndAuditsTheOperator()
    {
        using var client = Host.Client(TestKeys.Operator);
        var id = await PostLeadAsync(client, "leads-flow-1", "2017-03-02T09:00:00+08:00");

        var assigned = await client.PostJsonAsync($"api/leads/{id}/assign", new { ownerUnitId = "tw-meilin", deadline = ChinaToday(10) });
        Assert.AreEqual(HttpStatusCode.OK, assigned.StatusCode, await assigned.Content.ReadAsStringAsync(Ct));
        var assignedLead = await assigned.ReadAsAsync<LeadView>();
        Assert.AreEqual(LeadStatus.Assigned, assignedLead.Status);
        Assert.AreEqual("tw-meilin", assignedLead.OwnerUnitId);
        Assert.IsFalse(assignedLead.Overdue);

        var reminders = await client.NotificationsAsync($"kind={NotificationTemplates.LeadAssigned}");
        var reminder = reminders.Single(m => m.IdempotencyKey.Contains(id, StringComparison.Ordinal));
        Assert.AreEqual("tw-meilin", reminder.RecipientId);
        StringAssert.Contains(reminder.Subject, "线索交办");

        var disposed = await client.PostJsonAsync($"api/leads/{id}/disposition", new { disposition = "caseFiled", note = "已立案审查" });
        Assert.AreEqual(HttpStatusCode.OK, disposed.StatusCode, await disposed.Content.ReadAsStringAsync(Ct));

        var again = await client.PostJsonAsync($"api/leads/{id}/disposition", new { disposition = "closed", note = "了结" });
        Assert.AreEqual(HttpStatusCode.Conflict, again.StatusCode);
        StringAssert.EndsWith(JsonNode.Parse(await again.Content.ReadAsStringAsync(Ct))!["type"]!.GetValue<string>(), "illegal-transition");

        var lead = await client.LeadAsync(id);
        Assert.AreEqual(LeadStatus.CaseFiled, lead.Status);
        Assert.AreEqual("已立案审查", lead.DispositionNote);
        var audit = lead.Audit!.Select(a => (a.Action, a.Actor)).ToArray();
        CollectionAssert.AreEqual(new[] { ("register", "webhook:hotline-12317"), ("assign", "dev-operator"), ("disposition", "dev-operator") }, audit);
        var filed = await client.LeadsAsync("status=caseFiled");
        Assert.IsTrue(filed.Any(l => l.Id == id));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Leads_RefuseBadRequests_WithTheRightStatusAndNoChange()
    {
        using var client = Host.Client(TestKeys.Operator);
        var id = await PostLeadAsync(client, "leads-refuse-1", "2017-03-05T09:00:00+08:00");

        var early = await client.PostJsonAsync($"api/leads/{id}/disposition", new { disposition = "closed", note = "未交办就了结" });
        Assert.AreEqual(HttpStatusCode.Conflict, early.StatusCode, "a lead needs an owner before its disposition");

        var bad = await client.PostJsonAsync($"api/leads/{id}/assign", new { ownerUnitId = "no-such-unit", deadline = "2017-01-01" });
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        CollectionAssert.AreEquivalent(new[] { "ownerUnitId", "deadline" }, await bad.ErrorFieldsAsync());
        var badDisposition = await client.PostJsonAsync($"api/leads/{id}/disposition", new { disposition = "forgotten", note = "" });
        CollectionAssert.AreEquivalent(new[] { "disposition", "note" }, await badDisposition.ErrorFieldsAsync());
        var badList = await client.GetAsync(new Uri("api/leads?status=lost&overdue=maybe", UriKind.Relative), Ct);
        CollectionAssert.AreEquivalent(new[] { "status", "overdue" }, await badList.ErrorFieldsAsync());

        var missing = await client.PostJsonAsync("api/leads/lead-0000000000000000/assign", new { ownerUnitId = "tw-meilin", deadline = ChinaToday(3) });
        Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode);

        using var unit = Host.Client("dev-unit-shiyuan-key");
        Assert.AreEqual(HttpStatusCode.Forbidden, (await unit.GetAsync(new Uri("api/leads", UriKind.Relative), Ct)).StatusCode);
        using var anonymous = Host.Client();
        Assert.AreEqual(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("api/leads", UriKind.Relative), Ct)).StatusCode);

        var lead = await client.LeadAsync(id);
        Assert.AreEqual(LeadStatus.Registered, lead.Status);
        Assert.AreEqual(1, lead.Version, "no refused request changed the lead");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Leads_ListsOverdue_OnlyLeadsPastTheirDeadlineWithoutDisposition()
    {
        using var client = Host.Client(TestKeys.Operator);
        var old = await PostLeadAsync(client, "leads-overdue-old", "2017-04-01T09:00:00+08:00");
        var fresh = await PostLeadAsync(client, "leads-overdue-fresh", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));

        var overdue = (await client.LeadsAsync("overdue=true")).Select(l => l.Id).ToList();
        var current = (await client.LeadsAsync("overdue=false")).Select(l => l.Id).ToList();

        CollectionAssert.Contains(overdue, old);
        CollectionAssert.DoesNotContain(overdue, fresh);
        CollectionAssert.Contains(current, fresh);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Cycle)]
    public async Task MonthlyReportSignoff_Returns409WhileAnOverdueLeadLacksDisposition_Then200AfterIt()
    {
        await using var ledger = await LedgerFixture.CreateAsync();
        await using var host = await HostProcess.StartAsync(ledger.Prefix, environment: "Fast", settings: new Dictionary<string, string>
        {
            ["RectifyFlows__Workflows__InspectionWindow"] = "00:00:03",
            ["RectifyFlows__Leads__CheckInterval"] = "00:00:02",
        });
        using var client = host.Client(TestKeys.Operator);
        await StartCycleAsync(client, "monthly", "2017-06");
        await WaitForCompletionAsync(client, "monthly", "2017-06", TimeSpan.FromSeconds(120));
        var id = await PostLeadAsync(client, "signoff-lead-1", "2017-06-01T09:00:00+08:00", FastSecret);

        using var leader = host.Client(TestKeys.Leader);
        using var empty = new StringContent(string.Empty);
        var refused = await leader.PostAsync(new Uri("api/reports/monthly/2017-06/signoff", UriKind.Relative), empty, Ct);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync(Ct))!;
        Assert.AreEqual(HttpStatusCode.Conflict, refused.StatusCode, problem.ToJsonString());
        Assert.AreEqual(id, problem["overdueLeads"]![0]!["id"]!.GetValue<string>());

        // The overdue check ran (every 2 s here) several times: one reminder for the lead today, to the district office.
        await Task.Delay(TimeSpan.FromSeconds(6), Ct);
        var overdueReminders = (await client.NotificationsAsync($"kind={NotificationTemplates.LeadOverdue}"))
            .Where(m => m.IdempotencyKey.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, overdueReminders, "one reminder per lead and day, however often the check runs");
        Assert.AreEqual("ganxian", overdueReminders[0].RecipientId);

        var assigned = await client.PostJsonAsync($"api/leads/{id}/assign", new { ownerUnitId = "tw-meilin", deadline = ChinaToday() });
        Assert.AreEqual(HttpStatusCode.OK, assigned.StatusCode, await assigned.Content.ReadAsStringAsync(Ct));
        var disposed = await client.PostJsonAsync($"api/leads/{id}/disposition", new { disposition = "transferred", note = "移送区纪委监委" });
        Assert.AreEqual(HttpStatusCode.OK, disposed.StatusCode);

        var signed = await leader.PostAsync(new Uri("api/reports/monthly/2017-06/signoff", UriKind.Relative), empty, Ct);
        var signedBody = JsonNode.Parse(await signed.Content.ReadAsStringAsync(Ct))!;
        Assert.AreEqual(HttpStatusCode.OK, signed.StatusCode, signedBody.ToJsonString());
        Assert.AreEqual("dev-leader", signedBody["signedBy"]!.GetValue<string>());

        var report = await ReportAsync(client, "monthly", "2017-06");
        var summary = report.Figures;
        StringAssert.StartsWith(summary["签发状态"], "已签发（dev-leader");
        Assert.AreEqual("1", summary["问题线索"]);
        Assert.AreEqual("0", summary["逾期未处置线索"]);
        StringAssert.Contains(report.TableStartingWith("线索办理").Note, "移送1条");
        using var html = await client.GetAsync(new Uri("api/reports/monthly/2017-06", UriKind.Relative), Ct);
        StringAssert.Contains(await html.Content.ReadAsStringAsync(Ct), "线索办理");
    }
}
