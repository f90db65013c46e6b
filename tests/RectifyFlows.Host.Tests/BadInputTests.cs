using RectifyFlows.Domain.Webhooks;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// The hand-written bad-input suite of the intake API: every case gets its documented 4xx with a problem detail
/// (naming the field where there is one), never a 5xx, and the tables it could touch are unchanged afterwards.
/// Its tests run one at a time (as the whole assembly's do, tests/Directory.Build.props), which the reuse of one case's
/// "after" snapshot as the next one's "before" relies on: said here too, so that a change of the assembly's policy
/// cannot break it.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class BadInputTests : DistrictHostTests
{
    private const string Measure = "d001-p1-m1";
    private const string OtherMeasure = "d001-p1-m2";
    private const string Unit = "d001-dept-fupin";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    /// <summary>One bad request: who sends what where, and the problem it must get back.</summary>
    public sealed record BadInput(string Name, string Method, string Path, string? Key, Func<byte[]>? Body, int Status, string? Field = null,
        string? Slug = null, string ContentType = "application/json", bool SignBody = false, string? Signature = null)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<object[]> Cases => AllCases().Select(c => new object[] { c });

    public static string CaseName(System.Reflection.MethodInfo method, object[] data) => data[0].ToString()!;

    /// <summary>How many of the class's tests have started; numbers each test in [TestInitialize].</summary>
    private static int _testsStarted;

    /// <summary>
    /// The tables as the last bad-input case left them, checked unchanged, with the number of that case. Reading every
    /// table is most of a case's time, so the case run right after it takes this as its "before" instead of reading
    /// them again. Only right after: any test started in between (the replay test writes) has its own number, and the
    /// next case then reads the tables afresh; a case that fails stores nothing. Method order does not matter.
    /// </summary>
    private static (int Test, IReadOnlyList<string> Tables)? _unchangedAfter;

    private int _test;

    [TestInitialize]
    public void NumberTheTest() => _test = ++_testsStarted;

    [TestMethod]
    [Timeout(TestTimeouts.Unit, CooperativeCancellation = true)]
    public void Suite_HasAtLeastFiftyHandWrittenCases() =>
        Assert.IsTrue(AllCases().Count() >= 50, $"{AllCases().Count()} cases");

    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    [DynamicData(nameof(Cases), DynamicDataDisplayName = nameof(CaseName))]
    public async Task BadInput_GetsItsProblem_AndChangesNothing(BadInput bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        var before = _unchangedAfter is { } last && last.Test == _test - 1 ? last.Tables : await SnapshotAsync();

        using var client = Host.Client(bad.Key);
        using var request = new HttpRequestMessage(new HttpMethod(bad.Method), new Uri(bad.Path, UriKind.Relative));
        if (bad.Body is not null)
        {
            var bytes = bad.Body();
            request.Content = new ByteArrayContent(bytes) { Headers = { ContentType = new(bad.ContentType) } };
            if (bad.SignBody || bad.Signature is not null)
            {
                request.Headers.Add(WebhookSignature.HeaderName, bad.Signature ?? WebhookSignature.Sign(TestKeys.WebhookSecret, DateTimeOffset.UtcNow, bytes));
            }
        }

        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.AreEqual(bad.Status, (int)response.StatusCode, text);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType, text);
        var problem = JsonNode.Parse(text)!;
        Assert.AreEqual(bad.Status, problem["status"]!.GetValue<int>(), text);
        Assert.IsFalse(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()), "A problem has a title: " + text);
        if (bad.Field is not null)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.IsNotNull(errors, text);
            Assert.IsTrue(errors.ContainsKey(bad.Field), $"errors should name '{bad.Field}': {text}");
        }

        if (bad.Slug is not null)
        {
            StringAssert.EndsWith(problem["type"]!.GetValue<string>(), "/" + bad.Slug, text);
        }

        var after = await SnapshotAsync();
        CollectionAssert.AreEqual(before.ToArray(), after.ToArray(), "A refused request wrote nothing.");
        _unchangedAfter = (_test, after);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Request, CooperativeCancellation = true)]
    public async Task Webhook_ReplayedEventId_ReturnsTheFirstResponse_AndChangesNothing()
    {
        using var client = Host.Client();
        var body = WorkflowClient.InspectionResult("bad-input-replay-1", "2017-05", "team-1", "d001-tw-shiyuan");
        var first = await WorkflowClient.PostSignedAsync(client, "api/webhooks/inspection-results", body, TestKeys.WebhookSecret);
        var firstText = await first.Content.ReadAsStringAsync(Ct);
        Assert.AreEqual(HttpStatusCode.Accepted, first.StatusCode, firstText);
        var before = await SnapshotAsync();

        var replay = await WorkflowClient.PostSignedAsync(client, "api/webhooks/inspection-results", body, TestKeys.WebhookSecret);

        Assert.AreEqual(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.AreEqual(firstText, await replay.Content.ReadAsStringAsync(Ct));
        CollectionAssert.AreEqual(before.ToArray(), (await SnapshotAsync()).ToArray());
    }

    /// <summary>The ledger tables plus the intake tables a webhook writes (the ladders' actions and outbox are left out: they run on their own clock).</summary>
    private Task<IReadOnlyList<string>> SnapshotAsync()
    {
        var cycles = Host.Ledger.Get<FeatureTables>();
        return LedgerFixture.SnapshotAsync(Host.Ledger.Tables.All.Concat([cycles.InspectionResults, cycles.WebhookEvents, cycles.Projects, cycles.Reports]));
    }

    private static IEnumerable<BadInput> AllCases()
    {
        const string fupin = TestKeys.Fupin;
        const string shiyuan = TestKeys.Shiyuan;
        const string office = TestKeys.Operator;
        const string leader = TestKeys.Leader;
        const string progress = $"api/measures/{Measure}/progress";
        const string evidence = $"api/measures/{Measure}/evidence";
        const string signoff = $"api/measures/{OtherMeasure}/signoff";
        const string extension = $"api/measures/{Measure}/extension";
        const string decision = $"api/measures/{Measure}/extension/decision";
        const string unitPath = $"api/units/{Unit}";
        const string completion = "api/actions/d001-tw-shiyuan/weekly-2017-w14-callin-d001-tw-shiyuan/completion";
        const string webhook = "api/webhooks/inspection-results";
        static Func<byte[]> Raw(string text) => () => Encoding.UTF8.GetBytes(text);
        static Func<byte[]> Json(object value) => () => JsonSerializer.SerializeToUtf8Bytes(value, Web);
        static Func<byte[]> Big(int bytes) => () => Encoding.UTF8.GetBytes("{\"note\":\"" + new string('x', bytes) + "\"}");
        var validResult = new { eventId = "bad-1", month = "2017-05", teamId = "team-1", unitId = "d001-tw-shiyuan", inspectedAt = "2017-05-15T10:00:00+08:00", findings = Array.Empty<object>() };

        // Progress: body shape and types.
        yield return new("progress: truncated JSON", "POST", progress, fupin, Raw("{\"percent\": 5"), 400);
        yield return new("progress: empty body", "POST", progress, fupin, Raw(""), 400);
        yield return new("progress: array instead of object", "POST", progress, fupin, Raw("[]"), 400);
        yield return new("progress: bare string", "POST", progress, fupin, Raw("\"fifty\""), 400);
        yield return new("progress: percent as string", "POST", progress, fupin, Raw("{\"percent\":\"50\"}"), 400, "percent");
        yield return new("progress: percent 101", "POST", progress, fupin, Json(new { percent = 101 }), 400, "percent");
        yield return new("progress: percent -1", "POST", progress, fupin, Json(new { percent = -1 }), 400, "percent");
        yield return new("progress: percent 50.5", "POST", progress, fupin, Raw("{\"percent\":50.5}"), 400, "percent");
        yield return new("progress: percent 1e309", "POST", progress, fupin, Raw("{\"percent\":1e309}"), 400, "percent");
        yield return new("progress: percent null", "POST", progress, fupin, Raw("{\"percent\":null}"), 400, "percent");
        yield return new("progress: percent missing", "POST", progress, fupin, Raw("{}"), 400, "percent");
        yield return new("progress: unknown field", "POST", progress, fupin, Raw("{\"percent\":5,\"hacked\":true}"), 400);
        yield return new("progress: note too long", "POST", progress, fupin, Json(new { percent = 5, note = new string('字', 2001) }), 400, "note");
        yield return new("progress: note as number", "POST", progress, fupin, Raw("{\"percent\":5,\"note\":12}"), 400, "note");
        yield return new("progress: trailing comma", "POST", progress, fupin, Raw("{\"percent\":5,}"), 400);
        yield return new("progress: nested 100 deep", "POST", progress, fupin, Raw("{\"percent\":" + new string('[', 100) + new string(']', 100) + "}"), 400);
        yield return new("progress: invalid UTF-8", "POST", progress, fupin, () => [(byte)'{', 0xFF, 0xFE, (byte)'}'], 400);
        yield return new("progress: lone surrogate in note", "POST", progress, fupin, Raw("{\"percent\":5,\"note\":\"\\ud800\"}"), 400);
        yield return new("progress: text/plain", "POST", progress, fupin, Raw("{\"percent\":5}"), 415, ContentType: "text/plain");
        yield return new("progress: 10 MB body", "POST", progress, fupin, Big(10 * 1024 * 1024), 413);
        yield return new("progress: no key", "POST", progress, null, Json(new { percent = 5 }), 401);
        yield return new("progress: unknown key", "POST", progress, "not-a-key", Json(new { percent = 5 }), 401);
        yield return new("progress: 300-character key", "POST", progress, new string('k', 300), Json(new { percent = 5 }), 401);
        yield return new("progress: another unit's key", "POST", progress, shiyuan, Json(new { percent = 5 }), 403);
        yield return new("progress: operator key on a unit route", "POST", progress, office, Json(new { percent = 5 }), 403);
        yield return new("progress: unknown measure", "POST", "api/measures/d001-p9-m99/progress", fupin, Json(new { percent = 5 }), 404, Slug: "not-found");
        yield return new("progress: id with a quote", "POST", "api/measures/d001'p1/progress", fupin, Json(new { percent = 5 }), 404);

        // Evidence.
        yield return new("evidence: text missing", "POST", evidence, fupin, Json(new { effectiveDate = "2017-03-20" }), 400, "text");
        yield return new("evidence: date not ISO", "POST", evidence, fupin, Json(new { text = "已完成", effectiveDate = "2017/03/20" }), 400, "effectiveDate");
        yield return new("evidence: date in the future", "POST", evidence, fupin, Json(new { text = "已完成", effectiveDate = "2099-01-01" }), 400, "effectiveDate");
        yield return new("evidence: attachments not an array", "POST", evidence, fupin, Raw("{\"text\":\"已完成\",\"effectiveDate\":\"2017-03-20\",\"attachments\":{}}"), 400, "attachments");
        yield return new("evidence: javascript: URL", "POST", evidence, fupin,
            Json(new { text = "已完成", effectiveDate = "2017-03-20", attachments = new[] { new { name = "a", url = "javascript:alert(1)" } } }), 400, "attachments[0].url");
        yield return new("evidence: 21 attachments", "POST", evidence, fupin,
            Json(new { text = "已完成", effectiveDate = "2017-03-20", attachments = Enumerable.Range(0, 21).Select(i => new { name = $"a{i}", url = "https://x.example/a" }) }), 400, "attachments");
        yield return new("evidence: null attachment", "POST", evidence, fupin, Raw("{\"text\":\"已完成\",\"effectiveDate\":\"2017-03-20\",\"attachments\":[null]}"), 400, "attachments[0]");
        yield return new("evidence: text too long", "POST", evidence, fupin, Json(new { text = new string('证', 8001), effectiveDate = "2017-03-20" }), 400, "text");
        yield return new("completion: note missing", "POST", completion, shiyuan, Json(new { completedOn = "2017-04-12" }), 400, "note");
        yield return new("completion: note a number", "POST", completion, shiyuan, Raw("{\"note\":42}"), 400, "note");
        yield return new("completion: note too long", "POST", completion, shiyuan, Json(new { note = new string('谈', 2001) }), 400, "note");
        yield return new("completion: date not ISO", "POST", completion, office, Json(new { note = "已约谈", completedOn = "2017/04/12" }), 400, "completedOn");
        yield return new("completion: date in the future", "POST", completion, office, Json(new { note = "已约谈", completedOn = "2099-01-01" }), 400, "completedOn");
        yield return new("completion: 21 attachments", "POST", completion, shiyuan,
            Json(new { note = "已约谈", attachments = Enumerable.Range(0, 21).Select(i => new { name = $"f{i}", url = "https://x.example/f" }) }), 400, "attachments");
        yield return new("completion: another unit's action", "POST", completion, fupin, Json(new { note = "已约谈" }), 403);
        yield return new("completion: a leader's key", "POST", completion, leader, Json(new { note = "已约谈" }), 403);
        yield return new("completion: unknown action", "POST", completion, shiyuan, Json(new { note = "已约谈" }), 404);
        yield return new("completion: 10 MB body", "POST", completion, shiyuan, Big(10 * 1024 * 1024), 413);

        // Sign-off (leader) and its illegal transition.
        yield return new("signoff: decision missing", "POST", signoff, leader, Json(new { comment = "x" }), 400, "decision");
        yield return new("signoff: decision unknown", "POST", signoff, leader, Json(new { decision = "maybe" }), 400, "decision");
        yield return new("signoff: accept with a new due date", "POST", signoff, leader, Json(new { decision = "accept", newDueDate = "2017-09-30" }), 400, "newDueDate");
        yield return new("signoff: accept without evidence", "POST", signoff, leader, Json(new { decision = "accept", comment = "同意" }), 409, Slug: "illegal-transition");
        yield return new("signoff: by a unit key", "POST", signoff, fupin, Json(new { decision = "accept" }), 403);
        yield return new("signoff: decision as boolean", "POST", signoff, leader, Raw("{\"decision\":true}"), 400, "decision");

        // Extension and its decision.
        yield return new("extension: reason missing", "POST", extension, fupin, Json(new { newDueDate = "2017-12-31" }), 400, "reason");
        yield return new("extension: month 13", "POST", extension, fupin, Json(new { newDueDate = "2017-13-01", reason = "资金未到位" }), 400, "newDueDate");
        yield return new("extension decision: approve missing", "POST", decision, leader, Json(new { comment = "x" }), 400, "approve");
        yield return new("extension decision: approve as string", "POST", decision, leader, Raw("{\"approve\":\"yes\"}"), 400, "approve");
        yield return new("extension decision: nothing pending", "POST", decision, leader, Json(new { approve = true }), 409, Slug: "illegal-transition");

        // Queries.
        yield return new("measures: colour purple", "GET", "api/measures?planId=ganxian-2017-xunshi6&colour=purple", office, null, 400, "colour");
        yield return new("measures: overdue maybe", "GET", "api/measures?planId=ganxian-2017-xunshi6&overdue=maybe", office, null, 400, "overdue");
        yield return new("measures: no filter", "GET", "api/measures", office, null, 400, "planId");
        yield return new("measures: asOf not a date", "GET", "api/measures?planId=ganxian-2017-xunshi6&asOf=yesterday", office, null, 400, "asOf");
        yield return new("measures: a unit key reading another unit", "GET", "api/measures?unitId=d001-tw-shiyuan", fupin, null, 403);
        yield return new("actions: unknown kind", "GET", "api/actions?kind=beheading", office, null, 400, "kind");
        yield return new("actions: unknown status", "GET", "api/actions?status=maybe", office, null, 400, "status");
        yield return new("notifications: since not a date", "GET", "api/notifications?since=yesterday", office, null, 400, "since");
        yield return new("notifications: recipient not an id", "GET", "api/notifications?recipient=a%27b", office, null, 400, "recipient");
        yield return new("cycles: month 13", "POST", "api/cycles/monthly/2017-13", office, Raw(""), 400);
        yield return new("cycles: unknown kind", "POST", "api/cycles/yearly/2017", office, Raw(""), 400);
        yield return new("cycles: started by a unit key", "POST", "api/cycles/monthly/2017-05", fupin, Raw(""), 403);

        // Units.
        yield return new("unit PUT: contacts missing", "PUT", unitPath, office, Raw("{}"), 400, "contacts");
        yield return new("unit PUT: contacts an object", "PUT", unitPath, office, Raw("{\"contacts\":{}}"), 400, "contacts");
        yield return new("unit PUT: bad email", "PUT", unitPath, office, Json(new { contacts = new[] { new { name = "张三", email = "not-an-email" } } }), 400, "contacts[0].email");
        yield return new("unit PUT: bad mobile", "PUT", unitPath, office, Json(new { contacts = new[] { new { name = "张三", mobile = "12345" } } }), 400, "contacts[0].mobile");
        yield return new("unit PUT: 5,000-character name", "PUT", unitPath, office, Json(new { contacts = new[] { new { name = new string('名', 5000) } } }), 400, "contacts[0].name");
        yield return new("unit PUT: unknown unit", "PUT", "api/units/d001-nowhere", office, Json(new { contacts = Array.Empty<object>() }), 404);
        yield return new("unit PUT: by a unit key", "PUT", unitPath, fupin, Json(new { contacts = Array.Empty<object>() }), 403);
        yield return new("unit GET: by a unit key", "GET", unitPath, fupin, null, 403);

        // Plans.
        yield return new("plans: broken JSON", "POST", "api/plans", office, Raw("{\"id\":"), 400);
        yield return new("plans: by a leader key", "POST", "api/plans", leader, Raw("{}"), 403);

        // Signed webhooks.
        yield return new("webhook: signature missing", "POST", webhook, null, Json(validResult), 401);
        yield return new("webhook: wrong secret", "POST", webhook, null, Json(validResult), 401,
            Signature: WebhookSignature.Sign("not-the-secret", DateTimeOffset.UtcNow, JsonSerializer.SerializeToUtf8Bytes(validResult, Web)));
        yield return new("webhook: expired signature", "POST", webhook, null, Json(validResult), 401,
            Signature: WebhookSignature.Sign(TestKeys.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-10), JsonSerializer.SerializeToUtf8Bytes(validResult, Web)));
        yield return new("webhook: garbage signature header", "POST", webhook, null, Json(validResult), 401, Signature: "t=abc,v1=zz");
        yield return new("webhook: signed broken JSON", "POST", webhook, null, Raw("{\"teamId\":"), 400, SignBody: true);
        yield return new("webhook: teamId missing", "POST", webhook, null, Json(new { eventId = "bad-2", month = "2017-05", unitId = "d001-tw-shiyuan" }), 400, "teamId", SignBody: true);
        yield return new("webhook: month malformed", "POST", webhook, null,
            Json(new { eventId = "bad-3", month = "May 2017", teamId = "team-1", unitId = "d001-tw-shiyuan", inspectedAt = "2017-05-15T10:00:00+08:00", findings = Array.Empty<object>() }), 400, "month", SignBody: true);
        yield return new("webhook: unknown unit", "POST", webhook, null,
            Json(new { eventId = "bad-4", month = "2017-05", teamId = "team-1", unitId = "nowhere", inspectedAt = "2017-05-15T10:00:00+08:00", findings = Array.Empty<object>() }), 400, "unitId", SignBody: true);
        yield return new("webhook: eventId with a slash and markup", "POST", webhook, null,
            Json(new { eventId = "<script>alert(1)</script>", month = "2017-05", teamId = "team-1", unitId = "d001-tw-shiyuan", inspectedAt = "2017-05-15T10:00:00+08:00", findings = Array.Empty<object>() }), 400, "eventId", SignBody: true);
        yield return new("webhook: eventId of 2,000 characters", "POST", webhook, null,
            Json(new { eventId = new string('长', 2000), month = "2017-05", teamId = "team-1", unitId = "d001-tw-shiyuan", inspectedAt = "2017-05-15T10:00:00+08:00", findings = Array.Empty<object>() }), 400, "eventId", SignBody: true);
        yield return new("webhook: 10 MB body", "POST", webhook, null, Big(10 * 1024 * 1024), 413, SignBody: true);
    }
}
