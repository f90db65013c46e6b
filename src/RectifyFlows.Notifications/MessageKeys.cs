using System.Globalization;

namespace RectifyFlows.Notifications;

/// <summary>
/// Every idempotency key of a notification, built in one place. An event's key names what happened
/// (<c>{cycle}|{period}|{what}</c>); <see cref="PerRecipient"/> makes one message of it per recipient and channel.
/// The keys are a stored contract — an outbox row's key is a hash of its idempotency key, so a format that changed
/// would send a message twice — and <c>MessageKeysTests</c> pins each format to the byte.
/// </summary>
public static class MessageKeys
{
    private const string EscalationPrefix = "escalation";

    // A cycle's keys end with its office: a unit can hear from two offices in one period (a township that issues its
    // own plan is also a unit of its district's plan and receives both bulletins, not the first one deduplicated).

    /// <summary>The request to a supervision team to inspect in the month: <c>monthly|2017-03|inspection-request|ganxian</c>.</summary>
    public static string InspectionRequest(string month, string officeId) => $"monthly|{month}|inspection-request|{officeId}";

    /// <summary>The office's monthly bulletin: <c>monthly|2017-03|bulletin|ganxian</c>.</summary>
    public static string MonthlyBulletin(string month, string officeId) => $"monthly|{month}|bulletin|{officeId}";

    /// <summary>The office's notice that its monthly report is archived: <c>monthly|2017-03|report-ready|ganxian</c>.</summary>
    public static string MonthlyReportReady(string month, string officeId) => $"monthly|{month}|report-ready|{officeId}";

    /// <summary>The office's weekly bulletin to a township: <c>weekly|2017-W14|bulletin|ganxian</c>.</summary>
    public static string WeeklyBulletin(string week, string officeId) => $"weekly|{week}|bulletin|{officeId}";

    /// <summary>A township's call-in of the week by the office: <c>weekly|2017-W14|callin|ganxian</c>.</summary>
    public static string WeeklyCallIn(string week, string officeId) => $"weekly|{week}|callin|{officeId}";

    /// <summary>A township's strike of the quarter by the office: <c>quarterly|2017-Q1|strike|ganxian</c>.</summary>
    public static string QuarterlyStrike(string quarter, string officeId) => $"quarterly|{quarter}|strike|{officeId}";

    /// <summary>A lead unit's request to re-verify a long-term measure: <c>tenday|2017-03-2|reverify|p1-m1</c>.</summary>
    public static string Reverification(string tenDay, string measureId) => $"tenday|{tenDay}|reverify|{measureId}";

    /// <summary>A step of an item's deadline ladder: <c>escalation|measure|p1-m1|2017-03-31|level1</c>.</summary>
    public static string EscalationStep(string itemKind, string itemId, DateOnly dueDate, string step) =>
        string.Create(CultureInfo.InvariantCulture, $"{EscalationPrefix}|{itemKind}|{itemId}|{dueDate:yyyy-MM-dd}|{step}");

    /// <summary>
    /// The item an escalation step's key is about (<c>escalation|measure|p1-m1|…</c> → measure, p1-m1), also through the
    /// per-recipient and fallback keys built from it; null for any other key.
    /// </summary>
    public static (string Kind, string Id)? EscalationItemOf(string key) =>
        key.Split('|') is [EscalationPrefix, var kind, var id, ..] ? (kind, id) : null;

    /// <summary>A lead assigned to its owner unit, once per version: <c>lead|lead-1|assigned|v3</c>.</summary>
    public static string LeadAssigned(string leadId, long version) =>
        string.Create(CultureInfo.InvariantCulture, $"lead|{leadId}|assigned|v{version}");

    /// <summary>A lead's overdue reminder, once a day: <c>lead|lead-1|overdue|2017-04-02</c>.</summary>
    public static string LeadOverdue(string leadId, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"lead|{leadId}|overdue|{day:yyyy-MM-dd}");

    /// <summary>One message of an event, for one recipient on one channel: <c>{event}|{recipient}|{channel}</c>.</summary>
    public static string PerRecipient(string eventKey, string recipientId, string channel) => $"{eventKey}|{recipientId}|{channel}";

    /// <summary>The reminders of a recipient's day that leave as one digest: <c>digest|dept-fupin|2017-03-31</c>.</summary>
    public static string Digest(string recipientId, DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"digest|{recipientId}|{day:yyyy-MM-dd}");

    /// <summary>One digest mail, named by the hash of exactly its members' keys: <c>{digestKey}|{hash}</c>.</summary>
    public static string DigestMail(string digestKey, string membersHash) => digestKey + "|" + membersHash;

    /// <summary>The office's alert about a dead message: <c>deadLetter|{recipient}|{key}</c>.</summary>
    public static string DeadLetter(string recipientId, string deadKey) => $"{Dispatch.OutboxDispatcher.DeadLetterKind}|{recipientId}|{deadKey}";

    /// <summary>A message with no event key moved on to the next channel: <c>{key}&gt;{channel}</c>.</summary>
    public static string Fallback(string key, string channel) => $"{key}>{channel}";
}
