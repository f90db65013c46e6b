using System.Net;
using System.Net.Http.Json;

namespace RectifyFlows.Testing;

/// <summary>
/// Typed calls for the ledger routes host tests use most (api.md): list and read measures, and the lifecycle's
/// progress, evidence and sign-off. Each expects the success status and returns the answer as a record; an other
/// status throws <see cref="HostCallFailedException"/> naming the call and the body. A test of a refusal posts with
/// <see cref="HostHttp.PostJsonAsync"/> and asserts on the status itself.
/// </summary>
public static class LedgerApi
{
    /// <summary>GET api/measures?<paramref name="query"/> (e.g. <c>planId=…&amp;colour=red</c>).</summary>
    public static Task<MeasureList> MeasuresAsync(this HttpClient client, string query) =>
        client.GetAsAsync<MeasureList>($"api/measures?{query}");

    /// <summary>GET api/measures/{id}: the measure with its history and evidence.</summary>
    public static Task<MeasureDetail> MeasureAsync(this HttpClient client, string id) =>
        client.GetAsAsync<MeasureDetail>($"api/measures/{id}");

    /// <summary>POST api/measures/{id}/progress as a unit; returns the measure after the change.</summary>
    public static Task<MeasureView> ReportProgressAsync(this HttpClient client, string id, int percent, string note) =>
        client.PostAsync<MeasureView>($"api/measures/{id}/progress", new { percent, note });

    /// <summary>POST api/measures/{id}/evidence as a unit, without attachments; returns the measure after the change.</summary>
    public static Task<MeasureView> SubmitEvidenceAsync(this HttpClient client, string id, string text, string effectiveDate) =>
        client.PostAsync<MeasureView>($"api/measures/{id}/evidence", new { text, effectiveDate });

    /// <summary>POST api/measures/{id}/signoff as a leader (<c>accept</c> or <c>return</c>); returns the measure after the change.</summary>
    public static Task<MeasureView> SignOffAsync(this HttpClient client, string id, string decision, string comment) =>
        client.PostAsync<MeasureView>($"api/measures/{id}/signoff", new { decision, comment });

    private static async Task<T> PostAsync<T>(this HttpClient client, string path, object body)
    {
        var response = await client.PostJsonAsync(path, body);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<T>(HostHttp.Json))!;
    }
}
