using Microsoft.Extensions.Logging;

namespace RectifyFlows.Notifications.Dispatch;

/// <summary>The dispatcher's log messages, source-generated; addresses are masked by the callers.</summary>
public sealed partial class OutboxDispatcher
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Kind} to {RecipientId} <{Address}> (attempt {Attempts})")]
    private partial void LogSent(string kind, string recipientId, string address, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Kind} to {RecipientId} <{Address}> failed (attempt {Attempts}, {Error}); next try at {NextAttemptAt:o}")]
    private partial void LogRetrying(string kind, string recipientId, string address, int attempts, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Giving up on {Kind} to {RecipientId} <{Address}> after {Attempts} attempts ({Error})")]
    private partial void LogGivingUp(string kind, string recipientId, string address, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rejected permanently: {Kind} to {RecipientId} <{Address}> (attempt {Attempts}); not retried")]
    private partial void LogRejected(string kind, string recipientId, string address, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Falling back: {Kind} to {RecipientId} goes by {Fallback} after {Channel} failed")]
    private partial void LogFallback(string kind, string recipientId, string channel, string fallback);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest: one mail to {RecipientId} carried {Count} reminders")]
    private partial void LogDigest(string recipientId, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dead letter: {Kind} to {RecipientId} <{Address}> after {Attempts} attempt(s)")]
    private partial void LogDead(string kind, string recipientId, string address, int attempts);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Dead letter to {RecipientId}: no office found to alert (set RectifyFlows:Notifications:OfficeUnitId)")]
    private partial void LogNoOffice(string recipientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the claim on {Kind} to {RecipientId} (lease expired and another dispatcher took it over)")]
    private partial void LogClaimLost(string kind, string recipientId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "No sender for channel {Channel} yet (message to {RecipientId}); looking again later")]
    private partial void LogChannelNotWired(string channel, string recipientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox pass: {Sent} sent, {Failed} failed, {Dead} dead, {Skipped} skipped")]
    private partial void LogPass(int sent, int failed, int dead, int skipped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quiet hours: {Channel} message to {RecipientId} deferred to {ResumeAt:o}")]
    private partial void LogQuietHours(string channel, string recipientId, DateTimeOffset resumeAt);
}
