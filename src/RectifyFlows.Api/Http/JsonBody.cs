using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RectifyFlows.Api.Http;

/// <summary>
/// Reads a request body as JSON with a size limit and strict rules (no unknown fields, no trailing commas), turning
/// every failure into a 4xx problem that names the field instead of a 500 or a silent default.
/// </summary>
public static class JsonBody
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 32,

        // The Web defaults read "50" as 50; a number sent as a string is a client bug the contract calls a wrong type.
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>The raw body, or a problem (415 not JSON, 413 too large, 400 empty).</summary>
    public static async Task<(byte[]? Body, IResult? Problem)> ReadBytesAsync(HttpRequest request, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is not { } type || !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "请求格式不受支持",
                detail: "Send the body as application/json (UTF-8).", type: Problems.TypeBase + "unsupported-media-type"));
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        // A chunked body has no Content-Length: count as we read and stop at the limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1;
        }

        using var buffer = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await request.BodyReader.ReadAsync(request.HttpContext.RequestAborted);
                foreach (var segment in result.Buffer)
                {
                    buffer.Write(segment.Span);
                }

                request.BodyReader.AdvanceTo(result.Buffer.End);
                if (buffer.Length > maxBytes)
                {
                    return (null, TooLarge(maxBytes));
                }

                if (result.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }

        if (buffer.Length == 0)
        {
            return (null, Problems.Validation("$", "the request body is empty."));
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>The body deserialized as <typeparamref name="T"/>, or a problem naming the offending field.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, long maxBytes = 256 * 1024)
        where T : class
    {
        var (body, problem) = await ReadBytesAsync(request, maxBytes);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Options);
            return value is null ? (null, Problems.Validation("$", "the body must be a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.Validation(FieldOf(ex), Describe(ex)));
        }
    }

    /// <summary>"$.attachments[0].url" → "attachments[0].url".</summary>
    public static string FieldOf(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var path = exception.Path;
        return string.IsNullOrEmpty(path) || path == "$" ? "$" : path.TrimStart('$', '.');
    }

    private static string Describe(JsonException exception)
    {
        var message = exception.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "is not a known field.";
        }

        return message.Contains("could not be converted", StringComparison.Ordinal)
            ? "has the wrong type."
            : "is not valid JSON: " + message.Split(". Path", 2)[0];
    }

    private static ProblemHttpResult TooLarge(long maxBytes) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "请求内容过大",
            detail: $"The body may be at most {maxBytes} bytes.", type: Problems.TypeBase + "payload-too-large");
}
