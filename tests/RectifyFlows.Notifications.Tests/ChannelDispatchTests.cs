using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;
using RectifyFlows.Domain.Webhooks;
using RectifyFlows.Notifications.Dispatch;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Notifications.Robots;
using RectifyFlows.Notifications.Sms;

namespace RectifyFlows.Notifications.Tests;

/// <summary>
/// The SMS and robot channels against local HTTP servers that check each service's documented wire format and answer
/// like it. No SMTP server is needed: the harness's SMTP port is never dialled for these messages.
/// </summary>
[TestClass]
public sealed class ChannelDispatchTests
{
    private const int UnusedSmtpPort = 1;
    private const string Phone = "+8613812345678";

    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Ct => TestContext.CancellationToken;

    private static OutboxMessage Escalation(string channel, string address = Phone) =>
        TestMessages.Escalation($"escalation|measure|p1-m1|2017-03-31|level1|dept-fupin|{channel}", address) with { Channel = channel };

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Twilio_DeliversChineseSmsOnce_WithMessagesFormAndBasicAuth()
    {
        const string sid = "AC0123456789abcdef0123456789abcdef";
        const string token = "twilio-auth-token";
        var message = Escalation("sms");
        await using var twilio = await LocalHttpService.StartAsync(request =>
        {
            var problems = new List<string>();
            Check(problems, request.Method == "POST", $"method {request.Method}");
            Check(problems, request.Path == $"/2010-04-01/Accounts/{sid}/Messages.json", $"path {request.Path}");
            Check(problems, request.Headers.GetValueOrDefault("Authorization") == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sid}:{token}")),
                "basic auth AccountSid:AuthToken");
            Check(problems, request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true, $"content type {request.ContentType}");
            var form = QueryHelpers.ParseQuery(request.Body);
            Check(problems, form.GetValueOrDefault("To") == Phone, "To");
            Check(problems, form.GetValueOrDefault("From") == "+15005550006", "From");
            Check(problems, form.GetValueOrDefault("Body") == SmsText.Of(message), "Body");
            Check(problems, form.Count == 3, "only To, From, Body");
            return (problems, 201, $$"""{"sid":"SM0123456789abcdef0123456789abcdef","account_sid":"{{sid}}","status":"queued","num_segments":"2","error_code":null}""");
        }, Ct);
        await using var harness = await OutboxHarness.CreateAsync(UnusedSmtpPort, TimeProvider.System, Ct);
        harness.Options.Twilio = new TwilioOptions { BaseUrl = twilio.BaseUrl, AccountSid = sid, AuthToken = token, From = "+15005550006" };

        await AssertDeliveredOnceAsync(harness, twilio, message);
        var form = QueryHelpers.ParseQuery(twilio.Accepted.Single().Body);
        StringAssert.Contains(form["Body"].ToString(), "请牵头单位主要负责人督促完成");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task SmsGateway_DeliversChineseSmsOnce_WithHmacSignedJson()
    {
        const string secret = "gateway-signing-secret";
        var message = Escalation("sms", "13812345678");
        await using var gateway = await LocalHttpService.StartAsync(request =>
        {
            var problems = new List<string>();
            Check(problems, request.Method == "POST" && request.Path == "/sms/send", $"{request.Method} {request.Path}");
            var verdict = WebhookSignature.Verify(
                request.Headers.GetValueOrDefault("X-Signature"), Encoding.UTF8.GetBytes(request.Body), secret, DateTimeOffset.UtcNow, 300);
            Check(problems, verdict is null, "X-Signature: " + verdict);
            Check(problems, request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true, $"content type {request.ContentType}");
            using var json = JsonDocument.Parse(request.Body);
            var root = json.RootElement;
            Check(problems, root.GetProperty("to").GetString() == "13812345678", "to");
            Check(problems, root.GetProperty("text").GetString() == SmsText.Of(message), "text");
            Check(problems, root.GetProperty("id").GetString() == SmsGatewayChannel.IdOf(message), "id");
            return (problems, 200, """{"accepted":true}""");
        }, Ct);
        await using var harness = await OutboxHarness.CreateAsync(UnusedSmtpPort, TimeProvider.System, Ct);
        harness.Options.SmsGateway = new SmsGatewayOptions { Url = new Uri(gateway.BaseUrl, "/sms/send"), Secret = secret };

        await AssertDeliveredOnceAsync(harness, gateway, message);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task WeComRobot_PostsChineseTextOnce_ToTheKeyedWebhook()
    {
        const string key = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
        var message = Escalation("wecom", "13812345678");
        await using var wecom = await LocalHttpService.StartAsync(request =>
        {
            var problems = new List<string>();
            Check(problems, request.Method == "POST" && request.Path == "/cgi-bin/webhook/send", $"{request.Method} {request.Path}");
            Check(problems, QueryHelpers.ParseQuery(request.Query).GetValueOrDefault("key") == key, "key");
            Check(problems, request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true, $"content type {request.ContentType}");
            using var json = JsonDocument.Parse(request.Body);
            var root = json.RootElement;
            Check(problems, root.GetProperty("msgtype").GetString() == "text", "msgtype");
            var text = root.GetProperty("text");
            Check(problems, text.GetProperty("content").GetString() == $"{message.Subject}\n{message.Body}", "text.content");
            Check(problems, text.GetProperty("mentioned_mobile_list")[0].GetString() == "13812345678", "mentioned_mobile_list");
            return (problems, 200, """{"errcode":0,"errmsg":"ok"}""");
        }, Ct);
        await using var harness = await OutboxHarness.CreateAsync(UnusedSmtpPort, TimeProvider.System, Ct);
        harness.Options.WeCom = new WeComOptions { BaseUrl = new Uri(wecom.BaseUrl, "/cgi-bin/webhook/send?key="), Key = key };

        await AssertDeliveredOnceAsync(harness, wecom, message);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task DingTalkRobot_PostsChineseMarkdownOnce_WithTimestampAndSign()
    {
        const string token = "dingtalk-access-token";
        const string secret = "SEC0123456789abcdef";
        var message = Escalation("dingtalk", "13812345678");
        await using var dingtalk = await LocalHttpService.StartAsync(request =>
        {
            var problems = new List<string>();
            Check(problems, request.Method == "POST" && request.Path == "/robot/send", $"{request.Method} {request.Path}");
            var query = QueryHelpers.ParseQuery(request.Query);
            Check(problems, query.GetValueOrDefault("access_token") == token, "access_token");
            var timestamp = query.GetValueOrDefault("timestamp").ToString();
            var ms = long.Parse(timestamp, CultureInfo.InvariantCulture);
            Check(problems, Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - ms) < 3_600_000, "timestamp within an hour");
            var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "\n" + secret)));
            Check(problems, query.GetValueOrDefault("sign") == expected, "sign");
            Check(problems, request.Query.Contains("sign=" + Uri.EscapeDataString(expected), StringComparison.Ordinal), "sign is URL-encoded");
            using var json = JsonDocument.Parse(request.Body);
            var root = json.RootElement;
            Check(problems, root.GetProperty("msgtype").GetString() == "markdown", "msgtype");
            Check(problems, root.GetProperty("markdown").GetProperty("title").GetString() == message.Subject, "markdown.title");
            Check(problems, root.GetProperty("markdown").GetProperty("text").GetString()!.Contains(message.Body, StringComparison.Ordinal), "markdown.text");
            Check(problems, root.GetProperty("at").GetProperty("atMobiles")[0].GetString() == "13812345678", "at.atMobiles");
            return (problems, 200, """{"errcode":0,"errmsg":"ok"}""");
        }, Ct);
        await using var harness = await OutboxHarness.CreateAsync(UnusedSmtpPort, TimeProvider.System, Ct);
        harness.Options.DingTalk = new DingTalkOptions
        {
            BaseUrl = new Uri(dingtalk.BaseUrl, "/robot/send?access_token="), AccessToken = token, Secret = secret,
        };

        await AssertDeliveredOnceAsync(harness, dingtalk, message);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task WeComRobot_RetriesAndDeliversOnce_WhenServiceAnswersAnErrcode()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var calls = 0;
        var message = Escalation("wecom", "13812345678");
        await using var wecom = await LocalHttpService.StartAsync(_ => Interlocked.Increment(ref calls) == 1
            ? ([], 200, """{"errcode":45009,"errmsg":"api freq out of limit"}""")
            : ([], 200, """{"errcode":0,"errmsg":"ok"}"""), Ct);
        await using var harness = await OutboxHarness.CreateAsync(UnusedSmtpPort, time, Ct);
        harness.Options.WeCom = new WeComOptions { BaseUrl = new Uri(wecom.BaseUrl, "/cgi-bin/webhook/send?key="), Key = "k" };
        await harness.Outbox.EnqueueAsync([message], Ct);

        var first = await harness.NewDispatcher().RunOnceAsync(Ct);
        var failed = await harness.Outbox.GetRowAsync(message.RecipientId, message.IdempotencyKey, Ct);
        var early = await harness.NewDispatcher().RunOnceAsync(Ct);
        time.SetUtcNow(failed!.NextAttemptAt!.Value);
        var retried = await harness.NewDispatcher().RunOnceAsync(Ct);
        time.Advance(TimeSpan.FromDays(1));
        var later = await harness.NewDispatcher().RunOnceAsync(Ct);

        Assert.AreEqual(1, first.Failed);
        Assert.AreEqual(OutboxStatus.Failed, failed.Status);
        StringAssert.Contains(failed.LastError, "45009");
        Assert.AreEqual(0, early.Sent + early.Failed, "nothing is tried before its backoff ends");
        Assert.AreEqual(1, retried.Sent);
        Assert.AreEqual(0, later.Sent + later.Failed);
        Assert.AreEqual(2, calls, "one rejected post, one accepted, no more");
        await harness.AssertRowAsync(message, OutboxStatus.Sent, 2, Ct);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Twilio_RetriesAndDeliversOnce_WhenServiceAnswers503()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var calls = 0;
        var message = Escalation("sms");
        await using var twilio = await LocalHttpService.StartAsync(_ => Interlocked.Increment(ref calls) == 1
            ? ([], 503, """{"code":20503,"message":"Service Unavailable","status":503}""")
            : ([], 201, """{"sid":"SM1","status":"queued"}"""), Ct);
        await using var harness = await OutboxHarness.CreateAsync(UnusedSmtpPort, time, Ct);
        harness.Options.Twilio = new TwilioOptions { BaseUrl = twilio.BaseUrl, AccountSid = "AC1", AuthToken = "t", MessagingServiceSid = "MG1" };
        await harness.Outbox.EnqueueAsync([message], Ct);

        var first = await harness.NewDispatcher().RunOnceAsync(Ct);
        var failed = await harness.Outbox.GetRowAsync(message.RecipientId, message.IdempotencyKey, Ct);
        time.SetUtcNow(failed!.NextAttemptAt!.Value);
        var retried = await harness.NewDispatcher().RunOnceAsync(Ct);

        Assert.AreEqual(1, first.Failed);
        StringAssert.Contains(failed.LastError, "503");
        Assert.AreEqual(1, retried.Sent);
        Assert.AreEqual(2, calls);
        Assert.AreEqual(OutboxStatus.Sent, (await harness.Outbox.GetRowAsync(message.RecipientId, message.IdempotencyKey, Ct))!.Status);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Dispatcher_LeavesSmsPending_WhenNoSmsChannelIsConfigured()
    {
        await using var harness = await OutboxHarness.CreateAsync(UnusedSmtpPort, TimeProvider.System, Ct);
        var message = Escalation("sms");
        await harness.Outbox.EnqueueAsync([message], Ct);

        var result = await harness.NewDispatcher().RunOnceAsync(Ct);

        Assert.AreEqual(1, result.Skipped);
        Assert.AreEqual(0, result.Sent + result.Failed + result.Dead);
        var row = await harness.Outbox.GetRowAsync(message.RecipientId, message.IdempotencyKey, Ct);
        Assert.AreEqual(OutboxStatus.Pending, row!.Status);
        Assert.AreEqual(0, row.Attempts, "no attempt is counted while the channel has no sender");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    [DataRow("您好", 1)]
    [DataRow("Your rectification item p1-m1 is due today.", 1)]
    public void SmsSegments_CountsOne_WhenTextFitsOneSegment(string text, int expected) => Assert.AreEqual(expected, SmsSegments.Count(text));

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void SmsSegments_CountsUcs2Segments_WhenTextIsChinese()
    {
        Assert.AreEqual(1, SmsSegments.Count(new string('整', 70)));
        Assert.AreEqual(2, SmsSegments.Count(new string('整', 71)));
        Assert.AreEqual(2, SmsSegments.Count(new string('整', 134)));
        Assert.AreEqual(3, SmsSegments.Count(new string('整', 135)));
        Assert.AreEqual(1, SmsSegments.Count(new string('a', 160)));
        Assert.AreEqual(2, SmsSegments.Count(new string('a', 161)));
        Assert.AreEqual(3, SmsSegments.Count(new string('a', 150) + "整"), "one Chinese character makes the whole text UCS-2 (151 / 67)");
        Assert.AreEqual(2, SmsSegments.Count(new string('a', 158) + "{}"), "GSM-7 extension characters count twice (162 septets)");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task QuietHours_DeferAnSmsDueAt2300China_UntilSevenInTheMorning()
    {
        const string sid = "AC0123456789abcdef0123456789abcdef";
        await using var twilio = await LocalHttpService.StartAsync(_ => ([], 201, """{"sid":"SM1","status":"queued"}"""), Ct);
        // 30 March 2017, 23:00 China Standard Time.
        var time = new FakeTimeProvider(new DateTimeOffset(2017, 3, 30, 15, 0, 0, TimeSpan.Zero));
        await using var harness = await OutboxHarness.CreateAsync(UnusedSmtpPort, time, Ct);
        harness.Options.Twilio = new TwilioOptions { BaseUrl = twilio.BaseUrl, AccountSid = sid, AuthToken = "token", From = "+15005550006" };
        harness.Options.QuietHours = new QuietHoursOptions();
        Assert.AreEqual(1, await harness.Outbox.EnqueueAsync([Escalation("sms")], Ct));

        var night = await harness.NewDispatcher().RunOnceAsync(Ct);
        time.SetUtcNow(new DateTimeOffset(2017, 3, 30, 22, 59, 0, TimeSpan.Zero)); // 06:59 CST
        var beforeSeven = await harness.NewDispatcher().RunOnceAsync(Ct);
        time.SetUtcNow(new DateTimeOffset(2017, 3, 30, 23, 0, 0, TimeSpan.Zero)); // 07:00 CST
        var atSeven = await harness.NewDispatcher().RunOnceAsync(Ct);

        Assert.AreEqual(0, night.Sent, "not sent at 23:00");
        Assert.AreEqual(0, beforeSeven.Sent + beforeSeven.Failed, "not even tried before 07:00");
        Assert.AreEqual(1, atSeven.Sent, "sent at 07:00, not dropped");
        Assert.HasCount(1, twilio.Accepted);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void QuietHours_DoNotHoldBackEmail_OrDaytimeSms()
    {
        var options = new QuietHoursOptions();
        var night = new DateTimeOffset(2017, 3, 30, 15, 0, 0, TimeSpan.Zero);
        Assert.IsNull(QuietHours.DeferUntil(night, "email", options));
        Assert.IsNull(QuietHours.DeferUntil(new DateTimeOffset(2017, 3, 30, 2, 0, 0, TimeSpan.Zero), "sms", options), "10:00 CST");
        Assert.AreEqual(new DateTimeOffset(2017, 3, 31, 7, 0, 0, TimeSpan.FromHours(8)), QuietHours.DeferUntil(night, "dingtalk", options));
        Assert.AreEqual(new DateTimeOffset(2017, 3, 31, 7, 0, 0, TimeSpan.FromHours(8)),
            QuietHours.DeferUntil(new DateTimeOffset(2017, 3, 30, 18, 30, 0, TimeSpan.Zero), "wecom", options), "02:30 CST");
    }

    private static async Task AssertDeliveredOnceAsync(OutboxHarness harness, LocalHttpService service, OutboxMessage message)
    {
        var ct = CancellationToken.None;
        Assert.AreEqual(1, await harness.Outbox.EnqueueAsync([message], ct));

        var first = await harness.NewDispatcher().RunOnceAsync(ct);
        var second = await harness.NewDispatcher().RunOnceAsync(ct);

        Assert.IsEmpty(service.Violations, string.Join("; ", service.Violations));
        Assert.AreEqual(1, first.Sent);
        Assert.AreEqual(0, second.Sent + second.Failed, "nothing left to send");
        Assert.HasCount(1, service.Accepted, "the service received the message exactly once");
        await harness.AssertRowAsync(message, OutboxStatus.Sent, 1, ct);
        Assert.IsEmpty(await harness.Outbox.ListDueAsync(DateTimeOffset.MaxValue, 10, ct), "the pending index is empty once sent");
    }

    private static void Check(List<string> problems, bool ok, string what)
    {
        if (!ok)
        {
            problems.Add(what);
        }
    }
}
