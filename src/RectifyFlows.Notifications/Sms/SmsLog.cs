using Microsoft.Extensions.Logging;

namespace RectifyFlows.Notifications.Sms;

/// <summary>Logs shared by the SMS channels; phone numbers arrive masked.</summary>
internal static partial class SmsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "SMS {Kind} to {RecipientId} <{Phone}> via {Provider}: {Segments} segment(s), {Characters} characters")]
    public static partial void Segments(ILogger logger, string provider, string kind, string recipientId, string phone, int segments, int characters);

    public static void Sending(ILogger logger, string provider, OutboxMessage message, string text)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var masked = Dispatch.Mask.Address(message.Address);
            var segments = SmsSegments.Count(text);
            Segments(logger, provider, message.Kind, message.RecipientId, masked, segments, text.Length);
        }
    }
}
