namespace RectifyFlows.Notifications.Tests;

/// <summary>The messages the dispatch tests send: what an escalation activity writes for one unit, on any channel.</summary>
internal static class TestMessages
{
    /// <summary>The level-1 escalation of measure p1-m1 to 县扶贫办, under <paramref name="idempotencyKey"/>, to <paramref name="address"/>.</summary>
    public static OutboxMessage Escalation(string idempotencyKey, string? address) => new()
    {
        IdempotencyKey = idempotencyKey,
        RecipientId = "dept-fupin",
        RecipientName = "县扶贫办",
        Address = address,
        Kind = "escalation1",
        Subject = "【到期督办·一级】措施p1-m1：建立贫困户动态管理台账",
        Body = "整改事项「措施p1-m1：建立贫困户动态管理台账」今日（2017年3月31日）到期，请牵头单位主要负责人督促完成，并及时报送整改成效。",
    };
}
