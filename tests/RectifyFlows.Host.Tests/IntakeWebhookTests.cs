using RectifyFlows.Domain.Leads;
using RectifyFlows.Domain.Webhooks;
using RectifyFlows.Storage.Attendance;
using RectifyFlows.Storage.Projects;
using RectifyFlows.Storage.Tables;
using static RectifyFlows.Testing.WorkflowClient;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// The project-progress, attendance and leads webhooks against the running host (Development): accepted and effective,
/// replay-safe, refused when badly signed, and refused with every invalid field named — never changing data when refused.
/// </summary>
[TestClass]
public sealed class IntakeWebhookTests : DistrictHostTests
{
    public const string ShiyuanSecret = "shiyuan-own-webhook-secret";

    // tw-shiyuan has its own secret; every other sender signs with the development secret. The attendance minimum
    // is configured below the report's 20 days, so the attendance route is seen to judge by the setting.
    protected override DistrictHostOptions HostOptions => new(
        new Dictionary<string, string>
        {
            ["RectifyFlows__Webhooks__Secrets__tw-shiyuan"] = ShiyuanSecret,
            ["RectifyFlows__Workflows__MinimumDaysOnSite"] = "15",
        }, ImportDistrict: false);

    private static object Progress(string eventId, string projectId, string unitId, string status, int percent, decimal disbursed) =>
        new { eventId, projectId, unitId, status, percent, disbursed };

    private static object Attendance(string eventId, string personId, int daysOnSite) =>
        new { eventId, month = "2017-03", personId, unitId = "tw-meilin", role = "firstSecretary", daysOnSite };

    private static object Lead(string eventId, string receivedAt = "2017-03-02T09:00:00+08:00") =>
        new { eventId, receivedAt, source = "hotline-12317", subject = "反映低保评定不公", detail = "来电反映某村低保评定优亲厚友。", unitId = "tw-meilin" };

    /// <summary>Every row of the tables these webhooks write (the background workflows write elsewhere).</summary>
    private async Task<string[]> SnapshotAsync()
    {
        var tables = Host.Ledger.Get<FeatureTables>();
        var rows = new List<string>();
        foreach (var table in new[] { tables.Projects, tables.Attendance, tables.Leads, tables.OpenLeadsByDeadline, tables.WebhookEvents })
        {
            await foreach (var entity in table.QueryAsync<Azure.Data.Tables.TableEntity>())
            {
                rows.Add($"{table.Name}/{entity.PartitionKey}/{entity.RowKey}/{entity.ETag}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return [.. rows];
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ProjectProgressWebhook_UpdatesTheProjectWithAnAuditRow_AndAReplayChangesNothing()
    {
        using var client = Host.Client();
        var body = Progress("pp-1", "gx-2014-water-009", "tw-shiyuan", "underConstruction", 60, 150_000m);

        var response = await PostSignedAsync(client, "api/webhooks/project-progress", body, ShiyuanSecret);
        var first = await response.Content.ReadAsStringAsync(Ct);
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, first);
        Assert.AreEqual("gx-2014-water-009", JsonNode.Parse(first)!["id"]!.GetValue<string>());

        var projects = Host.Ledger.Get<ProjectRepository>();
        var project = (await projects.GetAsync("ganxian", "gx-2014-water-009", Ct))!;
        Assert.AreEqual((60, 150_000m, "underConstruction"), (project.Percent, project.Disbursed, project.Status));
        var audit = await projects.AuditAsync("ganxian", "gx-2014-water-009", Ct);
        Assert.AreEqual("seed", audit[0].Action, "the seed's reconstructed project was registered with an audit row");
        Assert.AreEqual("webhook:tw-shiyuan", audit.Single(e => e.Action == "progress").Actor);

        var before = await SnapshotAsync();
        var replay = await PostSignedAsync(client, "api/webhooks/project-progress", body, ShiyuanSecret);
        Assert.AreEqual(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.AreEqual(first, await replay.Content.ReadAsStringAsync(Ct));
        CollectionAssert.AreEqual(before, await SnapshotAsync(), "a replayed event changed stored data");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ProjectProgressWebhook_Returns400NamingTheFields_WhenInvalidOrNotTheSendersProject()
    {
        using var client = Host.Client();
        var before = await SnapshotAsync();

        var bad = await PostSignedAsync(client, "api/webhooks/project-progress",
            new { eventId = "pp-bad-1", projectId = "gx-2014-water-020", unitId = "tw-meilin", status = "done", percent = 150, disbursed = -5 }, TestKeys.WebhookSecret);
        Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
        CollectionAssert.AreEquivalent(new[] { "status", "percent", "disbursed" }, await bad.ErrorFieldsAsync());

        var other = await PostSignedAsync(client, "api/webhooks/project-progress",
            Progress("pp-bad-2", "gx-2014-water-020", "tw-shiyuan", "underConstruction", 50, 1m), ShiyuanSecret);
        Assert.AreEqual(HttpStatusCode.BadRequest, other.StatusCode);
        CollectionAssert.AreEquivalent(new[] { "projectId" }, await other.ErrorFieldsAsync());

        var unknown = await PostSignedAsync(client, "api/webhooks/project-progress",
            Progress("pp-bad-3", "no-such-project", "tw-meilin", "underConstruction", 50, 1m), TestKeys.WebhookSecret);
        CollectionAssert.AreEquivalent(new[] { "projectId" }, await unknown.ErrorFieldsAsync());

        var overspent = await PostSignedAsync(client, "api/webhooks/project-progress",
            Progress("pp-bad-4", "gx-2014-water-020", "tw-meilin", "underConstruction", 50, 99_000_000m), TestKeys.WebhookSecret);
        CollectionAssert.AreEquivalent(new[] { "disbursed" }, await overspent.ErrorFieldsAsync());

        var wrongType = await PostSignedAsync(client, "api/webhooks/project-progress",
            new { eventId = "pp-bad-5", projectId = "gx-2014-water-020", unitId = "tw-meilin", status = "completed", percent = "all", disbursed = 1 }, TestKeys.WebhookSecret);
        CollectionAssert.AreEquivalent(new[] { "percent" }, await wrongType.ErrorFieldsAsync());

        CollectionAssert.AreEqual(before, await SnapshotAsync(), "a refused post changed stored data");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task IntakeWebhooks_Return401AndChangeNothing_WhenSignatureIsWrongExpiredOrMissing()
    {
        using var client = Host.Client();
        var posts = new (string Route, object Body)[]
        {
            ("api/webhooks/project-progress", Progress("sig-1", "gx-2014-water-020", "tw-meilin", "underConstruction", 10, 1m)),
            ("api/webhooks/attendance", Attendance("sig-2", "cad-0009", 3)),
            ("api/webhooks/leads", Lead("sig-3")),
        };
        var before = await SnapshotAsync();
        foreach (var (route, body) in posts)
        {
            var wrong = await PostSignedAsync(client, route, body, secret: "not-the-secret");
            var expired = await PostSignedAsync(client, route, body, signature: WebhookSignature.Sign(TestKeys.WebhookSecret, DateTimeOffset.UtcNow.AddSeconds(-301), [1]));
            using var unsigned = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
            var missing = await client.PostAsync(new Uri(route, UriKind.Relative), unsigned, Ct);
            foreach (var response in new[] { wrong, expired, missing })
            {
                Assert.AreEqual(HttpStatusCode.Unauthorized, response.StatusCode, route);
                Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, route);
            }
        }

        // tw-shiyuan's own secret wins: the development secret does not sign for it.
        var shiyuan = await PostSignedAsync(client, "api/webhooks/project-progress",
            Progress("sig-4", "gx-2014-road-018", "tw-shiyuan", "underConstruction", 10, 1m), TestKeys.WebhookSecret);
        Assert.AreEqual(HttpStatusCode.Unauthorized, shiyuan.StatusCode);
        CollectionAssert.AreEqual(before, await SnapshotAsync(), "a badly signed post changed stored data");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task AttendanceWebhook_StoresOneRecordPerMonthAndPerson_AndKeepsTheBreach()
    {
        using var client = Host.Client();
        var attendance = Host.Ledger.Get<AttendanceRepository>();

        var first = await PostSignedAsync(client, "api/webhooks/attendance", Attendance("att-1", "cad-0101", 15), TestKeys.WebhookSecret);
        Assert.AreEqual(HttpStatusCode.Accepted, first.StatusCode, await first.Content.ReadAsStringAsync(Ct));
        Assert.AreEqual("attendance-2017-03-cad-0101", JsonNode.Parse(await first.Content.ReadAsStringAsync(Ct))!["id"]!.GetValue<string>());
        var breaches = await attendance.ListAsync("2017-03", breachesOnly: true, unitId: "tw-meilin", Ct);
        Assert.AreEqual(15, breaches.Single(r => r.PersonId == "cad-0101").DaysOnSite);

        var before = await SnapshotAsync();
        var replay = await PostSignedAsync(client, "api/webhooks/attendance", Attendance("att-1", "cad-0101", 15), TestKeys.WebhookSecret);
        Assert.AreEqual(HttpStatusCode.Accepted, replay.StatusCode);
        CollectionAssert.AreEqual(before, await SnapshotAsync(), "a replayed event changed stored data");

        var corrected = await PostSignedAsync(client, "api/webhooks/attendance", Attendance("att-2", "cad-0101", 22), TestKeys.WebhookSecret);
        Assert.AreEqual(HttpStatusCode.Accepted, corrected.StatusCode);
        var records = await attendance.ListAsync("2017-03", breachesOnly: false, unitId: "tw-meilin", Ct);
        Assert.AreEqual(22, records.Single(r => r.PersonId == "cad-0101").DaysOnSite, "one record per month and person; the correction replaced it");
        Assert.IsEmpty((await attendance.ListAsync("2017-03", breachesOnly: true, unitId: "tw-meilin", Ct)).Where(r => r.PersonId == "cad-0101"));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task AttendanceRoute_ListsTheMonthsBreaches_AndScopesAUnitKeyToItsUnit()
    {
        using var client = Host.Client();
        var shiyuan = new { eventId = "att-route-1", month = "2017-04", personId = "cad-0201", unitId = "tw-shiyuan", role = "workTeamMember", daysOnSite = 12 };
        Assert.AreEqual(HttpStatusCode.Accepted, (await PostSignedAsync(client, "api/webhooks/attendance", shiyuan, ShiyuanSecret)).StatusCode);
        var meilin = new { eventId = "att-route-2", month = "2017-04", personId = "cad-0202", unitId = "tw-meilin", role = "firstSecretary", daysOnSite = 25 };
        Assert.AreEqual(HttpStatusCode.Accepted, (await PostSignedAsync(client, "api/webhooks/attendance", meilin, TestKeys.WebhookSecret)).StatusCode);
        var seventeen = new { eventId = "att-route-3", month = "2017-04", personId = "cad-0203", unitId = "tw-meilin", role = "workTeamMember", daysOnSite = 17 };
        Assert.AreEqual(HttpStatusCode.Accepted, (await PostSignedAsync(client, "api/webhooks/attendance", seventeen, TestKeys.WebhookSecret)).StatusCode);

        using var office = Host.Client(TestKeys.Operator);
        var breaches = await office.AttendanceAsync("month=2017-04&breaches=true");
        Assert.AreEqual("cad-0201", breaches.Single().PersonId, "17 days is no breach with a minimum of 15");
        var all = await office.AttendanceAsync("month=2017-04");
        Assert.HasCount(3, all);
        Assert.IsFalse(all.Single(r => r.PersonId == "cad-0203").Breach);

        using var unit = Host.Client("dev-unit-shiyuan-key");
        var own = await unit.AttendanceAsync("month=2017-04");
        Assert.AreEqual("tw-shiyuan", own.Single().UnitId);
        var other = await unit.GetAsync(new Uri("api/attendance?month=2017-04&unitId=tw-meilin", UriKind.Relative), Ct);
        Assert.AreEqual(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task AttendanceAndLeadsWebhooks_Return400NamingEveryInvalidField_AndChangeNothing()
    {
        using var client = Host.Client();
        var before = await SnapshotAsync();

        var attendance = await PostSignedAsync(client, "api/webhooks/attendance",
            new { eventId = "att-bad", month = "2017-13", personId = "Cad 1", unitId = "tw-meilin", role = "boss", daysOnSite = 40 }, TestKeys.WebhookSecret);
        Assert.AreEqual(HttpStatusCode.BadRequest, attendance.StatusCode);
        CollectionAssert.AreEquivalent(new[] { "month", "personId", "role", "daysOnSite" }, await attendance.ErrorFieldsAsync());

        var lead = await PostSignedAsync(client, "api/webhooks/leads",
            new { eventId = "lead-bad", source = "hotline-12317", subject = "", detail = "", unitId = "no-such-unit" }, TestKeys.WebhookSecret);
        Assert.AreEqual(HttpStatusCode.BadRequest, lead.StatusCode);
        CollectionAssert.AreEquivalent(new[] { "receivedAt", "subject", "detail", "unitId" }, await lead.ErrorFieldsAsync());

        var noSender = await PostSignedAsync(client, "api/webhooks/leads", new { eventId = "lead-bad-2", subject = "x" }, TestKeys.WebhookSecret);
        Assert.AreEqual(HttpStatusCode.BadRequest, noSender.StatusCode);
        CollectionAssert.AreEquivalent(new[] { "source" }, await noSender.ErrorFieldsAsync());
        CollectionAssert.AreEqual(before, await SnapshotAsync(), "a refused post changed stored data");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task LeadsWebhook_RegistersTheLead_AndAReplayReturnsTheFirstResponse()
    {
        using var client = Host.Client();
        var response = await PostSignedAsync(client, "api/webhooks/leads", Lead("lead-evt-1"), TestKeys.WebhookSecret);
        var first = await response.Content.ReadAsStringAsync(Ct);
        Assert.AreEqual(HttpStatusCode.Accepted, response.StatusCode, first);
        var id = JsonNode.Parse(first)!["id"]!.GetValue<string>();

        using var office = Host.Client(TestKeys.Operator);
        var lead = await office.LeadAsync(id);
        Assert.AreEqual(LeadStatus.Registered, lead.Status);
        Assert.AreEqual(new DateOnly(2017, 3, 17), lead.Deadline, "received 2017-03-02 (China), 15 days by default");

        var before = await SnapshotAsync();
        var replay = await PostSignedAsync(client, "api/webhooks/leads", Lead("lead-evt-1"), TestKeys.WebhookSecret);
        Assert.AreEqual(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.AreEqual(first, await replay.Content.ReadAsStringAsync(Ct));
        CollectionAssert.AreEqual(before, await SnapshotAsync(), "a replayed event changed stored data");
    }
}
