using System.Globalization;
using RectifyFlows.Domain.Units;
using RectifyFlows.Notifications.Outbox;

namespace RectifyFlows.Notifications.Tests;

/// <summary>
/// The stored spellings of the notification vocabularies, pinned to the byte: an outbox row's key is a hash of its
/// idempotency key, so a key format that changed would send every pending message again, and channel and status
/// names are stored in outbox rows and read back by older rows' code paths.
/// </summary>
[TestClass]
public sealed class MessageKeysTests
{
    private static readonly DateOnly Day = new(2017, 3, 31);

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void MessageKeys_KeepTheFormatsTheOutboxStored()
    {
        Assert.AreEqual("monthly|2017-03|inspection-request|ganxian", MessageKeys.InspectionRequest("2017-03", "ganxian"));
        Assert.AreEqual("monthly|2017-03|bulletin|ganxian", MessageKeys.MonthlyBulletin("2017-03", "ganxian"));
        Assert.AreEqual("monthly|2017-03|report-ready|ganxian", MessageKeys.MonthlyReportReady("2017-03", "ganxian"));
        Assert.AreEqual("weekly|2017-W14|bulletin|tw-shiyuan", MessageKeys.WeeklyBulletin("2017-W14", "tw-shiyuan"));
        Assert.AreEqual("weekly|2017-W14|callin|ganxian", MessageKeys.WeeklyCallIn("2017-W14", "ganxian"));
        Assert.AreEqual("quarterly|2017-Q1|strike|ganxian", MessageKeys.QuarterlyStrike("2017-Q1", "ganxian"));
        Assert.AreEqual("tenday|2017-03-2|reverify|p1-m1", MessageKeys.Reverification("2017-03-2", "p1-m1"));
        Assert.AreEqual("escalation|measure|p1-m1|2017-03-31|level1", MessageKeys.EscalationStep("measure", "p1-m1", Day, "level1"));
        Assert.AreEqual("lead|lead-7|assigned|v3", MessageKeys.LeadAssigned("lead-7", 3));
        Assert.AreEqual("lead|lead-7|overdue|2017-03-31", MessageKeys.LeadOverdue("lead-7", Day));
        Assert.AreEqual("monthly|2017-03|bulletin|tw-a|sms", MessageKeys.PerRecipient("monthly|2017-03|bulletin", "tw-a", "sms"));
        Assert.AreEqual("digest|dept-fupin|2017-03-31", MessageKeys.Digest("dept-fupin", Day));
        Assert.AreEqual("digest|dept-fupin|2017-03-31|abc", MessageKeys.DigestMail("digest|dept-fupin|2017-03-31", "abc"));
        Assert.AreEqual("deadLetter|tw-a|k", MessageKeys.DeadLetter("tw-a", "k"));
        Assert.AreEqual("k>sms", MessageKeys.Fallback("k", "sms"));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void EscalationItemOf_ReadsTheItemBackFromAStepKey_AndNothingFromOtherKeys()
    {
        var step = MessageKeys.EscalationStep("action", "tw-a-2017-03-1", Day, "level2");
        Assert.AreEqual(("action", "tw-a-2017-03-1"), MessageKeys.EscalationItemOf(step));
        Assert.AreEqual(("action", "tw-a-2017-03-1"), MessageKeys.EscalationItemOf(MessageKeys.Fallback(MessageKeys.PerRecipient(step, "tw-a", "sms"), "email")));
        Assert.IsNull(MessageKeys.EscalationItemOf(MessageKeys.MonthlyBulletin("2017-03", "ganxian")));
        Assert.IsNull(MessageKeys.EscalationItemOf("escalation"));
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void MessageKeys_DoNotDependOnTheCurrentCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            // A culture with another calendar would write the year as 2560 if a key were formatted with it.
            CultureInfo.CurrentCulture = new CultureInfo("th-TH");
            Assert.AreEqual("digest|u|2017-03-31", MessageKeys.Digest("u", Day));
            Assert.AreEqual("escalation|action|a-1|2017-03-31|level2", MessageKeys.EscalationStep("action", "a-1", Day, "level2"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ChannelAndStatusNames_AreDeclaredOnce_WithTheirStoredSpelling()
    {
        CollectionAssert.AreEqual(new[] { "email", "sms", "wecom", "dingtalk" }, ContactChannels.All.ToArray());
        CollectionAssert.AreEqual(new[] { "pending", "sending", "failed", "sent", "dead" },
            new[] { OutboxStatus.Pending, OutboxStatus.Sending, OutboxStatus.Failed, OutboxStatus.Sent, OutboxStatus.Dead });

        var message = new OutboxMessage { IdempotencyKey = "k", RecipientId = "u", Kind = "k", Subject = "s", Body = "b" };
        Assert.AreEqual("email", message.Channel);
        Assert.AreEqual("pending", message.Status);
        Assert.AreEqual("email", new PendingIndexEntity().Channel);
    }
}
