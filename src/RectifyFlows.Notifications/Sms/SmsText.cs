namespace RectifyFlows.Notifications.Sms;

/// <summary>The text an SMS carries: the subject in 【】 then the body, as Chinese government SMS read.</summary>
public static class SmsText
{
    public static string Of(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.IsNullOrWhiteSpace(message.Subject) ? message.Body : $"【{message.Subject.Trim('【', '】')}】{message.Body}";
    }
}
