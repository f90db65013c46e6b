namespace RectifyFlows.Storage.Inspections;

/// <summary>The HTTP status and JSON body a webhook answered an event with, kept so a replay gets the same answer.</summary>
public sealed record StoredResponse(int Status, string Body)
{
    /// <summary>The webhooks' answer to an accepted event: 202 <c>{"id": …}</c>.</summary>
    public static StoredResponse Accepted(string id) => new(202, System.Text.Json.JsonSerializer.Serialize(new { id }));
}
