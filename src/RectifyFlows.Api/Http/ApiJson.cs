using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace RectifyFlows.Api.Http;

/// <summary>
/// The serializer settings of every response on both hosts (registered by <see cref="DependencyInjection.AddRectifyFlowsApi"/>
/// as the HTTP <c>JsonOptions</c>, which typed results and problem details write with): the Web defaults, enums as
/// their camelCase names, Chinese text unescaped.
/// </summary>
public static class ApiJson
{
    /// <summary>Applies the response settings to <paramref name="options"/>.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Chinese text stays readable in responses instead of \uXXXX escapes; HTML-sensitive characters are still escaped.
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

        // Response DTOs hold the enum types; integers are not accepted back, so a number never stands for a name.
        options.Converters.Add(new JsonStringEnumConverter(JsonNames.Policy, allowIntegerValues: false));
    }
}
