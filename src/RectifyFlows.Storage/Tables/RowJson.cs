using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace RectifyFlows.Storage.Tables;

/// <summary>The JSON settings for documents stored in rows: camelCase, enums by name, Chinese unescaped.</summary>
public static class RowJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public const int MaxPropertyChars = 30_000;

    public static string Serialize<T>(T value)
    {
        var json = JsonSerializer.Serialize(value, Options);
        if (json.Length > MaxPropertyChars)
        {
            throw new InvalidOperationException($"A {typeof(T).Name} of {json.Length} characters does not fit one table property.");
        }

        return json;
    }

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
