namespace RectifyFlows.Api.Webhooks;

/// <summary>
/// What distinguishes one signed webhook: its replay namespace (<see cref="Source"/>), its body limit, and the body
/// fields naming the sender whose secret signs it (the first present one wins).
/// </summary>
public sealed record SignedWebhookRoute(string Source, long MaxBodyBytes, IReadOnlyList<string> SenderFields);
