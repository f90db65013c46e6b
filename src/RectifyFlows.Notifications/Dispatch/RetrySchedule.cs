namespace RectifyFlows.Notifications.Dispatch;

/// <summary>
/// When to try a failed message again: exponential backoff with "equal jitter" (half fixed, half random).
/// Hand-written rather than Polly's retry strategy because the wait must survive a restart: it is stored as the
/// row's NextAttemptAt, while Polly waits in memory (Polly does the in-pass connect retries).
/// </summary>
public static class RetrySchedule
{
    public static TimeSpan DelayAfter(int attempts, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (random.NextDouble() * ceiling / 2));
    }
}
