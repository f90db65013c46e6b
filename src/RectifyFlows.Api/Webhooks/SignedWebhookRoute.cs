namespace RectifyFlows.Api.Webhooks;

/// <summary>
/// What distinguishes one signed webhook: its replay namespace (<see cref="Source"/>), its body limit, and the body
/// fields naming the sender whose secret signs it (the first present one wins). <see cref="RecordsItsOwnEvents"/>:
/// the webhook stores the event's response in the same write as its change (an insert that fails for a replay), so the
/// pipeline neither looks the event id up first nor records it after (<see cref="WebhookOutcome.Answered"/>).
/// </summary>
public sealed record SignedWebhookRoute(string Source, long MaxBodyBytes, IReadOnlyList<string> SenderFields, bool RecordsItsOwnEvents = false);
