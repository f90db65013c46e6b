using RectifyFlows.Domain.Units;

namespace RectifyFlows.Notifications.Dispatch;

/// <summary>
/// Quiet hours (China Standard Time) for channels that wake people: SMS and group robots. A message due inside them
/// is deferred to their end, never dropped; email is not held back.
/// </summary>
public sealed class QuietHoursOptions
{
    public bool Enabled { get; set; } = true;

    public TimeOnly Start { get; set; } = new(22, 0);

    public TimeOnly End { get; set; } = new(7, 0);

    public IList<string> Channels { get; } = [ContactChannels.Sms, ContactChannels.WeCom, ContactChannels.DingTalk];
}
