using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using RectifyFlows.Notifications.Dispatch;
using RectifyFlows.Notifications.Email;
using RectifyFlows.Notifications.Outbox;

namespace RectifyFlows.Notifications.Tests;

[TestClass]
public sealed class OutboxDispatcherTests
{
    private const string Key = "escalation|measure|p1-m1|2017-03-31|level1|dept-fupin|email";

    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Ct => TestContext.CancellationToken;

    private static OutboxMessage Escalation(string key = Key, string? address = "fupin@ganxian.gov.cn") => TestMessages.Escalation(key, address);

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Dispatcher_MailsEscalationInChinese_ToTheRightUnit()
    {
        await using var mail = await MailDevInbox.CreateAsync(start: true, Ct);
        await using var harness = await OutboxHarness.CreateAsync(mail.SmtpPort, TimeProvider.System, Ct);
        var message = Escalation();
        Assert.AreEqual(1, await harness.Outbox.EnqueueAsync([message], Ct));

        var result = await harness.NewDispatcher().RunOnceAsync(Ct);

        Assert.AreEqual(1, result.Sent);
        var emails = await mail.WaitForAsync(1, Ct);
        Assert.HasCount(1, emails);
        var email = emails[0];
        Assert.AreEqual(message.Subject, email.GetProperty("subject").GetString());
        var to = email.GetProperty("to")[0];
        Assert.AreEqual("fupin@ganxian.gov.cn", to.GetProperty("address").GetString());
        Assert.AreEqual("县扶贫办", to.GetProperty("name").GetString());
        Assert.AreEqual("dudao@ganxian.gov.cn", email.GetProperty("from")[0].GetProperty("address").GetString());
        Assert.AreEqual("整改督办系统", email.GetProperty("from")[0].GetProperty("name").GetString());
        StringAssert.Contains(email.GetProperty("text").GetString(), message.Body);
        StringAssert.Contains(email.GetProperty("text").GetString(), "县扶贫办：");
        StringAssert.Contains(email.GetProperty("html").GetString(), message.Body);
        Assert.AreEqual(EmailComposer.MessageIdOf(message, harness.Options.Smtp.From), MessageId(email));
        await harness.AssertRowAsync(message, OutboxStatus.Sent, 1, Ct);
        Assert.IsEmpty(await harness.Outbox.ListDueAsync(DateTimeOffset.MaxValue, 10, Ct), "the pending index is empty once sent");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Dispatcher_RetriesAndDeliversOnce_WhenSmtpServerComesBack()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var mail = await MailDevInbox.CreateAsync(start: true, Ct);
        await mail.StopAsync();
        await using var harness = await OutboxHarness.CreateAsync(mail.SmtpPort, time, Ct);
        var message = Escalation();
        await harness.Outbox.EnqueueAsync([message], Ct);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var failed = await harness.NewDispatcher().RunOnceAsync(Ct);
            Assert.AreEqual(1, failed.Failed, $"attempt {attempt} fails while the server is down");
            var row = await harness.Outbox.GetRowAsync(message.RecipientId, message.IdempotencyKey, Ct);
            Assert.AreEqual(OutboxStatus.Failed, row!.Status);
            Assert.AreEqual(attempt, row.Attempts);
            Assert.IsGreaterThan(time.GetUtcNow(), row.NextAttemptAt!.Value, "rescheduled into the future");

            var early = await harness.NewDispatcher().RunOnceAsync(Ct);
            Assert.AreEqual(0, early.Sent + early.Failed, "nothing is tried before its backoff ends");
            time.SetUtcNow(row.NextAttemptAt.Value);
        }

        await mail.StartAsync(Ct);
        var delivered = await harness.NewDispatcher().RunOnceAsync(Ct);
        var again = await harness.NewDispatcher().RunOnceAsync(Ct);
        time.Advance(TimeSpan.FromDays(1));
        var later = await harness.NewDispatcher().RunOnceAsync(Ct);

        Assert.AreEqual(1, delivered.Sent);
        Assert.AreEqual(0, again.Sent + later.Sent);
        await Task.Delay(500, Ct);
        var emails = await mail.EmailsAsync(Ct);
        Assert.HasCount(1, emails, "delivered exactly once");
        Assert.AreEqual(message.Subject, emails[0].GetProperty("subject").GetString());
        await harness.AssertRowAsync(message, OutboxStatus.Sent, 4, Ct);
    }

    /// <summary>
    /// The documented at-least-once window (docs/notifications.md): the dispatcher dies after the server accepted the
    /// mail and before the sent mark. Until the lease ends nobody sends it again; after it, the next dispatcher sends
    /// it once more with the same Message-ID, and then never again.
    /// </summary>
    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Dispatcher_SendsOneDuplicateWithSameMessageId_WhenKilledAfterSmtpAcceptedAndLeaseExpires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var mail = await MailDevInbox.CreateAsync(start: true, Ct);
        await using var harness = await OutboxHarness.CreateAsync(mail.SmtpPort, time, Ct);
        var message = Escalation();
        await harness.Outbox.EnqueueAsync([message], Ct);
        var killer = new DispatchHooks { AfterAccepted = _ => throw new InvalidOperationException("killed") };

        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => harness.NewDispatcher(killer).RunOnceAsync(Ct));

        Assert.HasCount(1, await mail.WaitForAsync(1, Ct), "the server accepted the mail before the kill");
        var claimed = await harness.AssertRowAsync(message, OutboxStatus.Sending, 1, Ct);

        time.Advance(harness.Options.LeaseDuration - TimeSpan.FromSeconds(1));
        var withinLease = await harness.NewDispatcher().RunOnceAsync(Ct);
        Assert.AreEqual(0, withinLease.Sent, "a restarted dispatcher leaves a claimed message alone while the lease holds");
        await Task.Delay(300, Ct);
        Assert.HasCount(1, await mail.EmailsAsync(Ct));

        time.Advance(TimeSpan.FromSeconds(2));
        var afterLease = await harness.NewDispatcher().RunOnceAsync(Ct);
        Assert.AreEqual(1, afterLease.Sent, "after the lease the message is sent again: the duplicate");
        var emails = await mail.WaitForAsync(2, Ct);
        Assert.HasCount(2, emails);
        Assert.AreEqual(MessageId(emails[0]), MessageId(emails[1]), "both copies carry one Message-ID, for receivers that de-duplicate");
        Assert.AreEqual(EmailComposer.MessageIdOf(message, harness.Options.Smtp.From), MessageId(emails[1]));

        time.Advance(TimeSpan.FromDays(1));
        Assert.AreEqual(0, (await harness.NewDispatcher().RunOnceAsync(Ct)).Sent);
        await Task.Delay(300, Ct);
        Assert.HasCount(2, await mail.EmailsAsync(Ct), "no third copy");
        await harness.AssertRowAsync(message, OutboxStatus.Sent, 2, Ct);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Enqueue_SendsOneMail_WhenTheSameKeyIsWrittenTwice()
    {
        await using var mail = await MailDevInbox.CreateAsync(start: true, Ct);
        await using var harness = await OutboxHarness.CreateAsync(mail.SmtpPort, TimeProvider.System, Ct);

        var first = await harness.Outbox.EnqueueAsync([Escalation()], Ct);
        var second = await harness.Outbox.EnqueueAsync([Escalation() with { Body = "重放的活动又写了一次" }], Ct);
        var sent = (await harness.NewDispatcher().RunOnceAsync(Ct)).Sent;
        var third = await harness.Outbox.EnqueueAsync([Escalation()], Ct);
        var sentAfterReplay = (await harness.NewDispatcher().RunOnceAsync(Ct)).Sent;

        Assert.AreEqual(1, first);
        Assert.AreEqual(0, second);
        Assert.AreEqual(0, third, "a replay after delivery writes nothing either");
        Assert.AreEqual(1, sent);
        Assert.AreEqual(0, sentAfterReplay);
        await Task.Delay(500, Ct);
        var emails = await mail.EmailsAsync(Ct);
        Assert.HasCount(1, emails);
        Assert.DoesNotContain("重放", emails[0].GetProperty("text").GetString()!);
        Assert.IsEmpty(await harness.Outbox.ListDueAsync(DateTimeOffset.MaxValue, 10, Ct), "the replay's index row was dropped");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Dispatcher_MarksDeadAndAlertsOfficeOnce_AfterMaxAttempts()
    {
        await using var mail = await MailDevInbox.CreateAsync(start: false, Ct);
        await using var harness = await OutboxHarness.CreateAsync(mail.SmtpPort, TimeProvider.System, Ct);
        harness.Options.MaxAttempts = 3;
        harness.Options.RetryBaseDelay = TimeSpan.Zero;
        harness.Options.RetryMaxDelay = TimeSpan.Zero;
        harness.Options.Smtp.ConnectRetries = 1;
        harness.Options.Smtp.ConnectRetryDelay = TimeSpan.FromMilliseconds(10);
        var message = Escalation();
        await harness.Outbox.EnqueueAsync([message], Ct);

        var results = new List<DispatchResult>();
        for (var pass = 0; pass < 3; pass++)
        {
            results.Add(await harness.NewDispatcher().RunOnceAsync(Ct));
        }

        var row = await harness.AssertRowAsync(message, OutboxStatus.Dead, 3, Ct);
        StringAssert.Contains(row.LastError, "3次发送均失败");
        Assert.AreEqual(2, results.Sum(r => r.Failed));
        Assert.AreEqual(1, results[2].Dead, "the third failed attempt was the last");
        var alerts = await harness.Outbox.ListAsync(OutboxHarness.OfficeUnitId, since: null, status: null, Ct);
        Assert.HasCount(1, alerts);
        Assert.AreEqual(OutboxDispatcher.DeadLetterKind, alerts[0].Kind);
        Assert.AreEqual(OutboxHarness.OfficeEmail, alerts[0].Address);
        StringAssert.Contains(alerts[0].Body, "县扶贫办（dept-fupin）");

        await mail.StartAsync(Ct);
        for (var pass = 0; pass < 3; pass++)
        {
            await harness.NewDispatcher().RunOnceAsync(Ct);
        }

        await Task.Delay(500, Ct);
        var emails = await mail.EmailsAsync(Ct);
        Assert.HasCount(1, emails, "only the office alert; the dead message stays dead");
        Assert.AreEqual(OutboxHarness.OfficeEmail, emails[0].GetProperty("to")[0].GetProperty("address").GetString());
        Assert.AreEqual("【通知投递失败】" + message.Subject, emails[0].GetProperty("subject").GetString());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Dispatcher_MarksDeadAtOnceAndAlertsOffice_WhenMessageHasNoAddress()
    {
        await using var mail = await MailDevInbox.CreateAsync(start: true, Ct);
        await using var harness = await OutboxHarness.CreateAsync(mail.SmtpPort, TimeProvider.System, Ct);
        var message = Escalation(address: null);
        await harness.Outbox.EnqueueAsync([message], Ct);

        var first = await harness.NewDispatcher().RunOnceAsync(Ct);
        var second = await harness.NewDispatcher().RunOnceAsync(Ct);

        Assert.AreEqual(1, first.Dead);
        Assert.AreEqual(1, second.Sent, "the office alert goes out on the next pass");
        var row = await harness.AssertRowAsync(message, OutboxStatus.Dead, 1, Ct);
        StringAssert.Contains(row.LastError, "no address");
        var emails = await mail.WaitForAsync(1, Ct);
        Assert.HasCount(1, emails);
        Assert.AreEqual(OutboxHarness.OfficeEmail, emails[0].GetProperty("to")[0].GetProperty("address").GetString());
        StringAssert.Contains(emails[0].GetProperty("text").GetString(), "没有可用的邮箱地址");
    }

    private static string? MessageId(JsonElement email) => email.GetProperty("headers").GetProperty("message-id").GetString()?.Trim('<', '>');
}
