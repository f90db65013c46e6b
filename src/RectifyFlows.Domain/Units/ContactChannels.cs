namespace RectifyFlows.Domain.Units;

/// <summary>The channels a <see cref="Contact"/> can be reached on, and the order tried when it names none.</summary>
public static class ContactChannels
{
    public const string Email = "email";
    public const string Sms = "sms";
    public const string WeCom = "wecom";
    public const string DingTalk = "dingtalk";

    /// <summary>Every channel, in the default preference order.</summary>
    public static IReadOnlyList<string> All { get; } = [Email, Sms, WeCom, DingTalk];
}
