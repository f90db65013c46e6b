using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace RectifyFlows.Testing;

/// <summary>
/// The raw HTTP calls host tests make, as extensions of the <see cref="HttpClient"/> from <see cref="HostProcess.Client"/>:
/// post a JSON body (or raw bytes, for malformed bodies), read an answer as JSON. A test that asserts on the status code
/// uses these; the typed calls for the routes tests use most.
/// </summary>
public static class HostHttp
{
    /// <summary>Posts <paramref name="body"/> as JSON; a <c>byte[]</c> is sent as is with the JSON media type.</summary>
    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body)
    {
        ArgumentNullException.ThrowIfNull(client);
        using HttpContent content = body is byte[] raw
            ? new ByteArrayContent(raw) { Headers = { ContentType = new("application/json") } }
            : JsonContent.Create(body);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>GETs <paramref name="path"/> and parses the answer; anything but 200 throws <see cref="HostCallFailedException"/>.</summary>
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.ReadJsonAsync();
    }

    /// <summary>
    /// How the typed calls read answers: the API's conventions (ApiJson) — the Web defaults (camelCase) and enums as
    /// their camelCase names, never as numbers — so a record can hold the product's enum where the wire has its name.
    /// Strict as a walk of the JSON tree was: a field the record names but the answer lacks, or a null where the record
    /// says not-null, fails the read instead of reading as a default (a missing kind would read as the enum's first).
    /// </summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>GETs <paramref name="path"/> and reads the answer as <typeparamref name="T"/>; anything but 200 throws <see cref="HostCallFailedException"/>.</summary>
    public static async Task<T> GetAsAsync<T>(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.ReadAsAsync<T>();
    }

    /// <summary>The answer's body as <typeparamref name="T"/>, read as <see cref="GetAsAsync"/> reads (the caller has checked the status).</summary>
    public static async Task<T> ReadAsAsync<T>(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    /// <summary>The answer's body as a JSON tree.</summary>
    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The fields a problem details answer names in its <c>errors</c>.</summary>
    public static async Task<string[]> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        var problem = await response.ReadJsonAsync();
        return [.. problem["errors"]!.AsObject().Select(e => e.Key)];
    }

    /// <summary>Throws <see cref="HostCallFailedException"/>, naming the call and the body, unless the status is <paramref name="expected"/>.</summary>
    public static async Task ExpectAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != expected)
        {
            throw new HostCallFailedException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: " +
                await response.Content.ReadAsStringAsync());
        }
    }
}
