using System.ComponentModel.DataAnnotations;

namespace RectifyFlows.Operations;

/// <summary>The periodic doctor and retention, bound from <c>RectifyFlows:Operations</c> (docs/operations.md).</summary>
public sealed class OperationsOptions
{
    public const string SectionName = "RectifyFlows:Operations";

    /// <summary>How often the standalone host runs the doctor (the Functions app: its DoctorSchedule timer); zero turns it off.</summary>
    public TimeSpan DoctorInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A ladder that should have fired a step this long ago but was not updated since, or an instance still pending
    /// this long after it was created, is stuck: its messages were lost with the store's last seconds.
    /// </summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the standalone host purges by <see cref="Retention"/> (the Functions app: a daily timer); zero turns it off.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromDays(1);

    public RetentionOptions Retention { get; set; } = new();
}

/// <summary>How long each kind of row is kept. Archived reports, the ledger and every audit row are kept for good.</summary>
public sealed class RetentionOptions
{
    /// <summary>Webhook event ids (replay protection); at least the 7 days a sender may retry within.</summary>
    [Range(7, 36500)]
    public int WebhookEventDays { get; set; } = 30;

    /// <summary>Completed deadline ladders whose item is closed: their history in the task hub.</summary>
    [Range(1, 36500)]
    public int OrchestrationHistoryDays { get; set; } = 90;

    /// <summary>Delivered outbox messages (the delivery log) of items that are closed or of periods that are over.</summary>
    [Range(30, 36500)]
    public int SentOutboxDays { get; set; } = 365;
}
