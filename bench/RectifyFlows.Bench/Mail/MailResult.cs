using System.Text;
using RectifyFlows.Bench.Province;

namespace RectifyFlows.Bench.Mail;

/// <summary>What the <c>mail</c> scenario measured.</summary>
internal sealed record MailResult(
    DateTimeOffset StartedAt,
    string Machine,
    string Storage,
    int Messages,
    int BatchSize,
    TimeSpan Enqueue,
    TimeSpan Dispatcher,
    int DispatcherPasses,
    int DispatcherDelivered,
    TimeSpan Naive,
    int NaiveDelivered,
    TimeSpan Pooled,
    int PooledDelivered,
    IReadOnlyList<Check> Checks)
{
    /// <summary>The dispatcher's storage requests and CPU: counts that the machine's load does not change.</summary>
    public MailCost? DispatcherCost { get; init; }

    public MailCost? NaiveCost { get; init; }

    private static double Rate(int count, TimeSpan time) => count / Math.Max(time.TotalSeconds, 1e-9);

    public double DispatcherRate => Rate(DispatcherDelivered, Dispatcher);

    /// <summary>Dispatcher ÷ connect-per-message loop (goal ≥ 8).</summary>
    public double NaiveRatio => DispatcherRate / Math.Max(Rate(NaiveDelivered, Naive), 1e-9);

    /// <summary>Dispatcher ÷ one pooled connection without storage: the share of MailDev's ceiling the dispatcher reaches.</summary>
    public double PooledShare => DispatcherRate / Math.Max(Rate(PooledDelivered, Pooled), 1e-9);

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.Append(FormattableString.Invariant(text)).Append('\n');

        Line($"### Mail, {Messages:N0} messages — {StartedAt:yyyy-MM-dd HH:mm} UTC");
        Line($"");
        Line($"{Machine}. {Storage}; MailDev (SMTP, in memory) on loopback, started by the run.");
        Line($"The outbox dispatcher: {DispatcherPasses} passes of `RunOnceAsync` (batch {BatchSize}, rate limit off), one SMTP connection per pass, every message claimed and marked sent in Table Storage. The naive loop: a new MailKit `SmtpClient` per message (connect, send, disconnect), no storage.");
        Line($"");
        Line($"| Delivery | Messages | Seconds | Messages/s |");
        Line($"|---|--:|--:|--:|");
        Line($"| enqueue into the outbox (not a delivery) | {Messages:N0} | {Enqueue.TotalSeconds:0.0} | {Rate(Messages, Enqueue):0.0} |");
        Line($"| outbox dispatcher | {DispatcherDelivered:N0} | {Dispatcher.TotalSeconds:0.0} | {Rate(DispatcherDelivered, Dispatcher):0.0} |");
        Line($"| naive connect-send-disconnect loop | {NaiveDelivered:N0} | {Naive.TotalSeconds:0.0} | {Rate(NaiveDelivered, Naive):0.0} |");
        Line($"| MailDev's ceiling: one pooled connection, no storage | {PooledDelivered:N0} | {Pooled.TotalSeconds:0.0} | {Rate(PooledDelivered, Pooled):0.0} |");
        Line($"");
        Line($"Ratio dispatcher / naive (messages/s): **{NaiveRatio:0.00}×**. Dispatcher as a share of one pooled connection without storage: **{PooledShare:0.00}**.");
        if (DispatcherCost is { } cost && NaiveCost is { } naive && Messages > 0)
        {
            Line($"");
            Line($"Per message (counted, so independent of the load): the dispatcher made {cost.StorageRequests / (double)Messages:0.00} Table Storage requests ({DispatcherPasses} passes), used {cost.ProcessCpu.TotalMilliseconds / Messages:0.0} ms of this process's CPU{(cost.AzuriteCpu is { } azurite ? FormattableString.Invariant($" and {azurite.TotalMilliseconds / Messages:0.0} ms of Azurite's") : string.Empty)}; the naive loop {naive.ProcessCpu.TotalMilliseconds / Messages:0.0} ms of this process's CPU (MailKit's connect, EHLO and QUIT).");
        }
        Line($"");
        Line($"| Check | Result | Detail |");
        Line($"|---|---|---|");
        foreach (var check in Checks)
        {
            Line($"| {check.Name} | {(check.Passed ? "pass" : "FAIL")} | {check.Observed} |");
        }

        return md.ToString();
    }
}

/// <summary>What a delivery approach cost: storage requests and CPU (this process, Azurite when it is ours).</summary>
internal sealed record MailCost(int StorageRequests, TimeSpan ProcessCpu, TimeSpan? AzuriteCpu);
