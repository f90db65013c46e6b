using RectifyFlows.Domain.Units;
using RectifyFlows.Notifications.Contacts;
using RectifyFlows.Notifications.Dispatch;
using RectifyFlows.Notifications.Templates;

namespace RectifyFlows.Notifications.Tests;

/// <summary>The contact directory's choice of channel, its fallbacks and the keys it gives (no storage needed).</summary>
[TestClass]
public sealed class ContactResolverTests
{
    private const string Event = "escalation|measure|p1-m1|2017-03-31|level2";
    private static readonly DateOnly Today = new(2017, 4, 3);

    private static readonly NotificationFields Fields = new()
    {
        Measure = "措施1-1：建立贫困户动态管理台账",
        Unit = "区扶贫和移民办",
        DueDate = new DateOnly(2017, 3, 31),
        DaysOverdue = 3,
        Link = "/api/measures/p1-m1",
    };

    private static NotificationRecipient Unit(params Contact[] contacts) => new("dept-fupin", "区扶贫和移民办", contacts);

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ContactResolver_ChoosesEmailWithSmsAsFallback_WhenTheContactNamesNoOrder()
    {
        var message = ContactResolver.Address(
            Unit(new Contact { Email = "fupin@ganxian.gov.cn", Mobile = "13800000002" }), Event, NotificationTemplates.EscalationOf(2, Fields), Today);

        Assert.AreEqual("email", message.Channel);
        Assert.AreEqual("fupin@ganxian.gov.cn", message.Address);
        Assert.AreEqual($"{Event}|dept-fupin|email", message.IdempotencyKey);
        Assert.IsNotNull(message.Html, "mail carries the template's HTML");
        Assert.HasCount(1, message.Fallbacks);
        Assert.AreEqual("sms", message.Fallbacks[0].Channel);
        Assert.AreEqual("13800000002", message.Fallbacks[0].Address);
        Assert.DoesNotContain("整改措施：", message.Fallbacks[0].Body, "the SMS text is the short variant, without the field table");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ContactResolver_FollowsThePreferredOrder_WhenTheContactNamesChannels()
    {
        var contact = new Contact
        {
            Email = "fupin@ganxian.gov.cn",
            Mobile = "13800000002",
            WeComRobotKey = "wecom-key",
            Channels = ["wecom", "sms", "email"],
        };

        var message = ContactResolver.Address(Unit(contact), Event, NotificationTemplates.EscalationOf(2, Fields), Today);

        Assert.AreEqual("wecom", message.Channel);
        Assert.AreEqual("wecom-key", message.RobotKey, "the unit's own robot");
        Assert.AreEqual("13800000002", message.Address, "the mobile to @-mention");
        StringAssert.StartsWith(message.Body, "**【逾期督办·二级】", "robots get the markdown variant");
        CollectionAssert.AreEqual(new[] { "sms", "email" }, message.Fallbacks.Select(f => f.Channel).ToArray());
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ContactResolver_SkipsAChannelWithoutAddress_AndTakesItFromTheNextContact()
    {
        var noEmail = new Contact { Mobile = "13800000002", Channels = ["email", "sms"] };
        var secondContact = new Contact { Email = "office@ganxian.gov.cn", Mobile = "13800000009" };

        var message = ContactResolver.Address(Unit(noEmail, secondContact), Event, NotificationTemplates.EscalationOf(2, Fields), Today);

        Assert.AreEqual("sms", message.Channel, "the first contact has no e-mail, so its next preference wins");
        Assert.AreEqual("13800000002", message.Address);
        Assert.HasCount(1, message.Fallbacks, "sms is taken; the second contact adds only e-mail");
        Assert.AreEqual("email", message.Fallbacks[0].Channel);
        Assert.AreEqual("office@ganxian.gov.cn", message.Fallbacks[0].Address);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ContactResolver_KeepsAnUnaddressedMail_WhenTheRecipientHasNoContact()
    {
        var message = ContactResolver.Address(Unit(), Event, NotificationTemplates.EscalationOf(2, Fields), Today);

        Assert.AreEqual("email", message.Channel);
        Assert.IsNull(message.Address, "kept in the outbox, where the dispatcher marks it dead and alerts the office");
        Assert.IsEmpty(message.Fallbacks);
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void ContactResolver_SetsADigestKey_OnlyOnRemindersByMail()
    {
        var contact = new Contact { Email = "fupin@ganxian.gov.cn", Mobile = "13800000002" };
        var reminder = NotificationTemplates.ReminderOf(Fields with { DaysOverdue = null, DaysLeft = 3 });

        var byMail = ContactResolver.Address(Unit(contact), "escalation|measure|p1-m1|2017-03-31|reminder-3", reminder, new DateOnly(2017, 3, 28));
        var bySms = ContactResolver.Address(Unit(contact with { Channels = ["sms"] }), "escalation|measure|p1-m1|2017-03-31|reminder-3", reminder, new DateOnly(2017, 3, 28));
        var escalation = ContactResolver.Address(Unit(contact), Event, NotificationTemplates.EscalationOf(2, Fields), Today);

        Assert.AreEqual("digest|dept-fupin|2017-03-28", byMail.DigestKey);
        Assert.IsNull(bySms.DigestKey);
        Assert.IsNull(escalation.DigestKey, "escalations are never folded");
    }

    [TestMethod]
    [Timeout(TestTimeouts.Unit)]
    public void Fallback_TakesTheResolversKeyForTheNextChannel_AndDropsTheUsedRoute()
    {
        var message = ContactResolver.Address(
            Unit(new Contact { Email = "fupin@ganxian.gov.cn", Mobile = "13800000002", DingTalkRobotToken = "ding" }),
            Event, NotificationTemplates.EscalationOf(2, Fields), Today);

        var fallback = OutboxDispatcher.FallbackOf(message)!;

        Assert.AreEqual($"{Event}|dept-fupin|sms", fallback.IdempotencyKey, "the key a direct SMS of the same event would have");
        Assert.AreEqual("sms", fallback.Channel);
        Assert.AreEqual("13800000002", fallback.Address);
        Assert.IsNull(fallback.Html);
        CollectionAssert.AreEqual(new[] { "dingtalk" }, fallback.Fallbacks.Select(f => f.Channel).ToArray());
        Assert.IsNull(OutboxDispatcher.FallbackOf(fallback with { Fallbacks = [] }));
    }
}
