using Microsoft.Extensions.Logging;

namespace RectifyFlows.Notifications.Testing;

/// <summary>
/// For durability tests (<c>RectifyFlows:Testing:FailOnceAfterEnqueue</c>): lets the first write of messages of the
/// given kind succeed and then throws, as a crash right after the outbox write would. The activity is retried and
/// must write nothing again.
/// </summary>
public sealed partial class FaultInjectingNotificationPort(INotificationPort inner, string kind, ILogger<FaultInjectingNotificationPort> logger)
    : INotificationPort
{
    private int _fired;

    public async Task<int> EnqueueAsync(IReadOnlyCollection<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var written = await inner.EnqueueAsync(messages, cancellationToken);
        if (messages.Any(m => m.Kind == kind) && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            LogInjected(kind, written);
            throw new InvalidOperationException($"Injected failure after writing {written} '{kind}' message(s).");
        }

        return written;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Injected failure after writing {Written} '{Kind}' message(s)")]
    private partial void LogInjected(string kind, int written);
}
