using Azure;
using Azure.Data.Tables;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Webhooks;

/// <summary>
/// Webhook event ids already processed (PK event id) with the response given, so a repeated event gets the first
/// response and changes nothing. Rows carry their time; a purge after 7 days keeps the table small.
/// </summary>
public sealed class WebhookEventRepository(FeatureTables tables, TimeProvider time)
{
    /// <summary>The stored response of an event already seen, or null.</summary>
    public async Task<(int Status, string Body)?> FindAsync(string source, string eventId, CancellationToken cancellationToken)
    {
        var row = await tables.WebhookEvents.GetEntityIfExistsAsync<TableEntity>(eventId, source, cancellationToken: cancellationToken);
        return row.HasValue ? (row.Value!.GetInt32("Status") ?? 202, row.Value.GetString("Body") ?? "{}") : null;
    }

    /// <summary>Records the response; when another request recorded it first, returns that one instead.</summary>
    public async Task<(int Status, string Body)> RecordAsync(string source, string eventId, int status, string body, CancellationToken cancellationToken)
    {
        try
        {
            await tables.WebhookEvents.AddEntityAsync(new TableEntity(eventId, source)
            {
                ["Status"] = status,
                ["Body"] = body,
                ["ReceivedAt"] = time.GetUtcNow(),
            }, cancellationToken);
            return (status, body);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return (await FindAsync(source, eventId, cancellationToken))!.Value;
        }
    }
}
