namespace RectifyFlows.Notifications;

/// <summary>How workflows reach people: they hand messages to the port, which stores them once and delivers them.</summary>
public interface INotificationPort
{
    /// <summary>Stores the messages; those whose idempotency key was already stored are skipped. Returns how many were new.</summary>
    Task<int> EnqueueAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken);
}
