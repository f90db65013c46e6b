using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;
using RectifyFlows.Domain.Units;
using RectifyFlows.Notifications.Contacts;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Notifications.Robots;
using RectifyFlows.Notifications.Sms;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Notifications.Tests;

/// <summary>
/// Events end to end through the contact directory, the templates, the outbox and the dispatcher: read back from a real
/// MailDev (or a refusing SMTP server and a local Twilio), on Azurite.
/// </summary>
[TestClass]
public sealed class NotificationEventTests
{
    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Ct => TestContext.CancellationToken;

    /// <summary>The seed plan's units (dept-fupin: 区扶贫和移民办, fupin@ganxian.example.gov.cn).</summary>
    private async Task<ContactResolver> SeedDirectoryAsync(OutboxHarness harness)
    {
        var units = harness.Ledger.Get<UnitRepository>();
        await units.ImportAsync(TestPlans.Read(TestPlans.SeedDocument()), "test", Ct);
        return new ContactResolver(units, harness.Time);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Escalation_MailsTheLeadUnitInChinese_WithMeasureUnitOfficialDueDateDaysOverdueAndLink()
    {
        await using var mail = await MailDevInbox.CreateAsync(start: true, Ct);
        await using var harness = await OutboxHarness.CreateAsync(mail.SmtpPort, TimeProvider.System, Ct);
        var contacts = await SeedDirectoryAsync(harness);
        var fields = new NotificationFields
        {
            Measure = "措施1-1：建立贫困户动态管理台账",
            Unit = "区扶贫和移民办",
            Official = "分管扶贫副区长（张三）",
            DueDate = new DateOnly(2017, 3, 31),
            DaysOverdue = 3,
            Link = "/api/measures/ganxian-2017-1-1",
        };
        var message = await contacts.ToUnitAsync("dept-fupin", "escalation|measure|ganxian-2017-1-1|2017-03-31|level2", NotificationTemplates.EscalationOf(2, fields), Ct);
        await harness.Outbox.EnqueueAsync([message], Ct);

        Assert.AreEqual(1, (await harness.NewDispatcher().RunOnceAsync(Ct)).Sent);

        var email = (await mail.WaitForAsync(1, Ct)).Single();
        var to = email.GetProperty("to")[0];
        Assert.AreEqual("fupin@ganxian.example.gov.cn", to.GetProperty("address").GetString(), "the unit's contact from the directory");
        Assert.AreEqual("区扶贫和移民办", to.GetProperty("name").GetString());
        Assert.AreEqual("【逾期督办·二级】措施1-1：建立贫困户动态管理台账", email.GetProperty("subject").GetString());
        var text = email.GetProperty("text").GetString()!;
        string[] expected =
        [
            "整改事项「措施1-1：建立贫困户动态管理台账」已于2017年3月31日到期，逾期3天仍未报送整改成效",
            "整改措施：措施1-1：建立贫困户动态管理台账",
            "责任单位：区扶贫和移民办",
            "牵头区领导：分管扶贫副区长（张三）",
            "整改时限：2017年3月31日",
            "逾期天数：3天",
            "办理链接：/api/measures/ganxian-2017-1-1",
        ];
        foreach (var line in expected)
        {
            StringAssert.Contains(text, line);
        }

        var html = email.GetProperty("html").GetString()!;
        StringAssert.Contains(html, "<th style=\"text-align:left;padding-right:1em\">牵头区领导</th><td>分管扶贫副区长（张三）</td>");
        StringAssert.Contains(html, "<a href=\"/api/measures/ganxian-2017-1-1\">");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Reminders_FoldIntoOneDigestMail_WhenTenGoToOneUnitOnOneDay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2017, 3, 24, 1, 0, 0, TimeSpan.Zero)); // 09:00 CST
        await using var mail = await MailDevInbox.CreateAsync(start: true, Ct);
        await using var harness = await OutboxHarness.CreateAsync(mail.SmtpPort, time, Ct);
        harness.Options.DigestDelay = TimeSpan.FromMinutes(10);
        var contacts = await SeedDirectoryAsync(harness);
        var reminders = new List<OutboxMessage>();
        for (var i = 1; i <= 10; i++)
        {
            var fields = new NotificationFields
            {
                Measure = string.Create(CultureInfo.InvariantCulture, $"措施9-{i}：第{i}项整改措施"),
                Unit = "区扶贫和移民办",
                DueDate = new DateOnly(2017, 3, 31),
                DaysLeft = 7,
                Link = string.Create(CultureInfo.InvariantCulture, $"/api/measures/m9-{i}"),
            };
            reminders.Add(await contacts.ToUnitAsync(
                "dept-fupin", string.Create(CultureInfo.InvariantCulture, $"escalation|measure|m9-{i}|2017-03-31|reminder-7"), NotificationTemplates.ReminderOf(fields), Ct));
        }

        // Written by ten ladders in two bursts, as their activities run.
        Assert.AreEqual(5, await harness.Outbox.EnqueueAsync(reminders[..5], Ct));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.AreEqual(5, await harness.Outbox.EnqueueAsync(reminders[5..], Ct));
        Assert.AreEqual(0, (await harness.NewDispatcher().RunOnceAsync(Ct)).Sent, "held for the digest delay");

        time.Advance(TimeSpan.FromMinutes(10));
        var result = await harness.NewDispatcher().RunOnceAsync(Ct);

        Assert.AreEqual(10, result.Sent, "all ten marked sent");
        Assert.AreEqual(0, (await harness.NewDispatcher().RunOnceAsync(Ct)).Sent, "nothing left");
        await Task.Delay(500, Ct);
        var emails = await mail.WaitForAsync(1, Ct);
        Assert.HasCount(1, emails, "one mail for the ten reminders");
        var email = emails[0];
        Assert.AreEqual("fupin@ganxian.example.gov.cn", email.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.AreEqual("【整改提醒】2017年3月24日共10项整改措施即将到期", email.GetProperty("subject").GetString());
        var text = email.GetProperty("text").GetString()!;
        for (var i = 1; i <= 10; i++)
        {
            StringAssert.Contains(text, string.Create(CultureInfo.InvariantCulture, $"措施9-{i}：第{i}项整改措施（整改时限：2017年3月31日，还有7天） /api/measures/m9-{i}"));
        }

        foreach (var reminder in reminders)
        {
            await harness.AssertRowAsync(reminder, OutboxStatus.Sent, 1, Ct);
        }
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task SameEvent_IsOneMessage_WhenTwoCodePathsEnqueueItForTheSameRecipient()
    {
        await using var mail = await MailDevInbox.CreateAsync(start: true, Ct);
        await using var harness = await OutboxHarness.CreateAsync(mail.SmtpPort, TimeProvider.System, Ct);
        var contacts = await SeedDirectoryAsync(harness);
        const string eventKey = "escalation|measure|ganxian-2017-1-1|2017-03-31|level1";
        var content = NotificationTemplates.EscalationOf(1, new NotificationFields { Measure = "措施1-1：建立贫困户动态管理台账", DueDate = new DateOnly(2017, 3, 31), DaysOverdue = 0 });

        // Path one: the lead unit by id. Path two: the same unit as one of the responsible units, resolved from its profile.
        var byId = await contacts.ToUnitAsync("dept-fupin", eventKey, content, Ct);
        var profile = await contacts.UnitAsync("dept-fupin", Ct);
        var fromProfile = contacts.To(profile!, eventKey, content with { });
        Assert.AreEqual(1, await harness.Outbox.EnqueueAsync([byId], Ct));
        Assert.AreEqual(0, await harness.Outbox.EnqueueAsync([fromProfile], Ct), "the second write finds the key taken");
        Assert.AreEqual(0, await harness.Outbox.EnqueueAsync([byId, fromProfile], Ct), "and so does a replay of both");

        Assert.AreEqual(1, (await harness.NewDispatcher().RunOnceAsync(Ct)).Sent);
        Assert.AreEqual(0, (await harness.NewDispatcher().RunOnceAsync(Ct)).Sent);
        await Task.Delay(500, Ct);
        Assert.HasCount(1, await mail.EmailsAsync(Ct));
        Assert.HasCount(1, await harness.Outbox.ListAsync("dept-fupin", null, null, Ct));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Smtp550_IsNotRetried_AlertsTheOfficeOnce_AndFallsBackToSms()
    {
        const string sid = "AC0123456789abcdef0123456789abcdef";
        var time = new FakeTimeProvider(new DateTimeOffset(2017, 4, 3, 1, 0, 0, TimeSpan.Zero)); // 09:00 CST
        await using var smtp = RejectingSmtpServer.Start("nobody@ganxian.gov.cn");
        await using var twilio = await LocalHttpService.StartAsync(
            _ => ([], 201, $$"""{"sid":"SM0123456789abcdef0123456789abcdef","account_sid":"{{sid}}","status":"queued"}"""), Ct);
        await using var harness = await OutboxHarness.CreateAsync(smtp.Port, time, Ct);
        harness.Options.Twilio = new TwilioOptions { BaseUrl = twilio.BaseUrl, AccountSid = sid, AuthToken = "token", From = "+15005550006" };
        var unit = new NotificationRecipient("tw-test", "测试乡", [new Contact { Email = "nobody@ganxian.gov.cn", Mobile = "13800000077" }]);
        var content = NotificationTemplates.EscalationOf(3, new NotificationFields
        {
            Measure = "措施2-3：落实产业扶贫项目",
            Unit = "测试乡",
            DueDate = new DateOnly(2017, 3, 27),
            DaysOverdue = 7,
            Link = "/api/measures/m2-3",
        });
        var message = ContactResolver.Address(unit, "escalation|measure|m2-3|2017-03-27|level3", content, new DateOnly(2017, 4, 3));
        await harness.Outbox.EnqueueAsync([message], Ct);

        var first = await harness.NewDispatcher().RunOnceAsync(Ct);

        Assert.AreEqual(1, first.Dead, "a 550 is final on the first attempt");
        Assert.AreEqual(0, first.Failed);
        var row = await harness.Outbox.GetRowAsync("tw-test", message.IdempotencyKey, Ct);
        Assert.AreEqual(OutboxStatus.Dead, row!.Status);
        Assert.AreEqual(1, row.Attempts, "not retried");
        StringAssert.Contains(row.LastError, "550");

        // The alert (mail) and the fallback (SMS) go out on the next passes; then days pass and nothing else happens.
        for (var pass = 0; pass < 4; pass++)
        {
            await harness.NewDispatcher().RunOnceAsync(Ct);
            time.Advance(TimeSpan.FromDays(1));
        }

        Assert.HasCount(1, smtp.Refused, "the refused mailbox was tried once");
        var alerts = smtp.Delivered.Where(r => r.Contains(OutboxHarness.OfficeEmail)).ToList();
        Assert.HasCount(1, alerts, "the office is alerted once");
        var alert = (await harness.Outbox.ListAsync(OutboxHarness.OfficeUnitId, null, null, Ct)).Single();
        StringAssert.Contains(alert.Body, "已改用短信通知");
        StringAssert.Contains(alert.Subject, "【通知投递失败】【逾期问责·三级】");

        var sms = twilio.Accepted.Single();
        var form = QueryHelpers.ParseQuery(sms.Body);
        Assert.AreEqual("13800000077", form["To"].ToString());
        StringAssert.Contains(form["Body"].ToString(), "逾期7天仍未完成");
        var fallback = await harness.Outbox.GetRowAsync("tw-test", "escalation|measure|m2-3|2017-03-27|level3|tw-test|sms", Ct);
        Assert.AreEqual(OutboxStatus.Sent, fallback!.Status);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task WeComInvalidKey_IsRejectedAtOnce_AndTheUnitIsMailedInstead()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2017, 4, 3, 1, 0, 0, TimeSpan.Zero)); // 09:00 CST
        await using var wecom = await LocalHttpService.StartAsync(request =>
            QueryHelpers.ParseQuery(request.Query)["key"] == "removed-robot-key"
                ? ([], 200, """{"errcode":93000,"errmsg":"invalid webhook url, hint: [1491190520_12_c6c2b0c6bd8eb2f3b20f8a7c0b0c4b8d]"}""")
                : ([], 200, """{"errcode":0,"errmsg":"ok"}"""), Ct);
        await using var mail = await MailDevInbox.CreateAsync(start: true, Ct);
        await using var harness = await OutboxHarness.CreateAsync(mail.SmtpPort, time, Ct);
        harness.Options.WeCom = new WeComOptions { BaseUrl = new Uri(wecom.BaseUrl, "/cgi-bin/webhook/send?key="), Key = "office-group-key" };
        var unit = new NotificationRecipient("tw-robot", "测试镇",
            [new Contact { WeComRobotKey = "removed-robot-key", Email = "robot-town@ganxian.gov.cn", Channels = ["wecom", "email"] }]);
        var message = ContactResolver.Address(unit, "weekly|2017-W14|callin", NotificationTemplates.CallInOf("测试镇", "排名靠后", new DateOnly(2017, 4, 10), "/api/actions?unitId=tw-robot"), new DateOnly(2017, 4, 3));
        Assert.AreEqual("wecom", message.Channel);
        await harness.Outbox.EnqueueAsync([message], Ct);

        var first = await harness.NewDispatcher().RunOnceAsync(Ct);
        for (var pass = 0; pass < 3; pass++)
        {
            time.Advance(TimeSpan.FromHours(1));
            await harness.NewDispatcher().RunOnceAsync(Ct);
        }

        Assert.AreEqual(1, first.Dead, "errcode 93000 is final");
        Assert.HasCount(1, wecom.Accepted, "the unit's own robot was tried once, the office group never");
        var row = await harness.Outbox.GetRowAsync("tw-robot", message.IdempotencyKey, Ct);
        Assert.AreEqual(OutboxStatus.Dead, row!.Status);
        Assert.AreEqual(1, row.Attempts);
        var emails = await mail.WaitForAsync(2, Ct);
        Assert.HasCount(2, emails, "the fallback mail to the town and one alert to the office");
        var toTown = emails.Single(e => e.GetProperty("to")[0].GetProperty("address").GetString() == "robot-town@ganxian.gov.cn");
        Assert.AreEqual("【约谈通知】测试镇项目推进排名靠后", toTown.GetProperty("subject").GetString());
        Assert.ContainsSingle(emails.Where(e => e.GetProperty("to")[0].GetProperty("address").GetString() == OutboxHarness.OfficeEmail));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task TwilioInvalidNumber_IsRejectedAtOnce_WhileA503IsRetried()
    {
        const string sid = "AC0123456789abcdef0123456789abcdef";
        var time = new FakeTimeProvider(new DateTimeOffset(2017, 4, 3, 1, 0, 0, TimeSpan.Zero));
        await using var twilio = await LocalHttpService.StartAsync(request =>
            QueryHelpers.ParseQuery(request.Body)["To"] == "13800000000"
                ? ([], 400, """{"code":21211,"message":"The 'To' number is not a valid phone number.","status":400}""")
                : ([], 503, """{"code":20503,"message":"Service unavailable","status":503}"""), Ct);
        await using var harness = await OutboxHarness.CreateAsync(1, time, Ct);
        harness.Options.Twilio = new TwilioOptions { BaseUrl = twilio.BaseUrl, AccountSid = sid, AuthToken = "token", From = "+15005550006" };
        OutboxMessage Sms(string id, string mobile) => ContactResolver.Address(
            new NotificationRecipient(id, null, [new Contact { Mobile = mobile }]), "callin|2017-W14", NotificationTemplates.CallInOf("测试乡", "排名靠后", new DateOnly(2017, 4, 10), "/api/actions"), new DateOnly(2017, 4, 3));
        var invalid = Sms("tw-a", "13800000000");
        var busy = Sms("tw-b", "13800000001");
        await harness.Outbox.EnqueueAsync([invalid, busy], Ct);

        var result = await harness.NewDispatcher().RunOnceAsync(Ct);

        Assert.AreEqual(1, result.Dead);
        Assert.AreEqual(1, result.Failed);
        Assert.AreEqual(OutboxStatus.Dead, (await harness.Outbox.GetRowAsync("tw-a", invalid.IdempotencyKey, Ct))!.Status);
        var retried = await harness.Outbox.GetRowAsync("tw-b", busy.IdempotencyKey, Ct);
        Assert.AreEqual(OutboxStatus.Failed, retried!.Status, "a 503 is temporary");
        Assert.IsGreaterThan(time.GetUtcNow(), retried.NextAttemptAt!.Value);
    }
}
