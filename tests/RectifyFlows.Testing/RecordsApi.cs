namespace RectifyFlows.Testing;

/// <summary>
/// Typed reads of what the workflows and the intake webhooks leave behind (api.md): accountability actions, the
/// delivery log, leads, attendance, the project ledger, and the unit directory. Each expects 200 and returns records (an other status
/// throws <see cref="HostCallFailedException"/> naming the call and the body); a <c>query</c> is the route's query
/// string as api.md spells it (<c>source=monthly-ganxian-2017-03</c>, <c>recipient=tw-shiyuan&amp;kind=bulletin</c>).
/// A test of a refusal or of the wire format itself reads the answer as a JSON tree instead (ADR 0017).
/// </summary>
public static class RecordsApi
{
    /// <summary>GET api/actions?<paramref name="query"/> (<c>unitId</c>, <c>kind</c>, <c>status</c>, <c>source</c>).</summary>
    public static async Task<IReadOnlyList<ActionView>> ActionsAsync(this HttpClient client, string query = "") =>
        (await client.GetAsAsync<Page<ActionView>>(Route("api/actions", query))).Items;

    /// <summary>GET api/actions/{unitId}/{actionId}: one action, with its completion and history.</summary>
    public static Task<ActionView> ActionAsync(this HttpClient client, string unitId, string actionId) =>
        client.GetAsAsync<ActionView>($"api/actions/{unitId}/{actionId}");

    /// <summary>GET api/notifications?<paramref name="query"/> (<c>recipient</c>, <c>status</c>, <c>since</c>, <c>kind</c>): the delivery log.</summary>
    public static async Task<IReadOnlyList<NotificationView>> NotificationsAsync(this HttpClient client, string query = "") =>
        (await client.GetAsAsync<Page<NotificationView>>(Route("api/notifications", query))).Items;

    /// <summary>The idempotency keys of the delivery log's messages for <paramref name="query"/>, in the log's order.</summary>
    public static async Task<List<string>> NotificationKeysAsync(this HttpClient client, string query = "") =>
        [.. (await client.NotificationsAsync(query)).Select(m => m.IdempotencyKey)];

    /// <summary>GET api/leads?<paramref name="query"/> (<c>status</c>, <c>overdue</c>).</summary>
    public static async Task<IReadOnlyList<LeadView>> LeadsAsync(this HttpClient client, string query = "") =>
        (await client.GetAsAsync<Page<LeadView>>(Route("api/leads", query))).Items;

    /// <summary>GET api/leads/{id}: the lead with its audit rows.</summary>
    public static Task<LeadView> LeadAsync(this HttpClient client, string id) => client.GetAsAsync<LeadView>($"api/leads/{id}");

    /// <summary>GET api/attendance?<paramref name="query"/> (<c>month</c> required; <c>unitId</c>, <c>breaches</c>).</summary>
    public static async Task<IReadOnlyList<AttendanceView>> AttendanceAsync(this HttpClient client, string query) =>
        (await client.GetAsAsync<Page<AttendanceView>>(Route("api/attendance", query))).Items;

    /// <summary>GET api/projects?officeId=…: the office's project ledger, by id.</summary>
    public static async Task<IReadOnlyList<ProjectView>> ProjectsAsync(this HttpClient client, string officeId) =>
        (await client.GetAsAsync<Page<ProjectView>>($"api/projects?officeId={officeId}")).Items;

    /// <summary>GET api/units/{unitId}: the unit itself.</summary>
    public static async Task<UnitView> UnitAsync(this HttpClient client, string unitId) =>
        (await client.GetAsAsync<UnitAnswer>($"api/units/{unitId}")).Unit;

    private static string Route(string path, string query) => query.Length == 0 ? path : $"{path}?{query}";

    /// <summary>The list routes' answer: <c>{ count, items }</c>.</summary>
    private sealed record Page<T>(int Count, IReadOnlyList<T> Items);

    /// <summary><c>GET api/units/{unitId}</c> answers the unit with its contacts and members; tests read the unit.</summary>
    private sealed record UnitAnswer(UnitView Unit);
}
