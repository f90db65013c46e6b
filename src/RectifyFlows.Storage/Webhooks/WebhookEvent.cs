using RectifyFlows.Storage.Inspections;

namespace RectifyFlows.Storage.Webhooks;

/// <summary>A webhook event to record with the change it makes: its replay namespace and the response it is answered with.</summary>
public sealed record WebhookEvent(string Source, StoredResponse Response);
