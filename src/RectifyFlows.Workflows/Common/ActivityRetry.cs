using Microsoft.DurableTask;

namespace RectifyFlows.Workflows.Common;

/// <summary>
/// How orchestrators call activities: retried with back-off, because a storage hiccup must not fail a month's cycle.
/// Retrying is safe because every activity is idempotent (deterministic ids, insert-if-absent, outbox keys).
/// </summary>
public static class ActivityRetry
{
    public static TaskOptions Options { get; } =
        TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));
}
