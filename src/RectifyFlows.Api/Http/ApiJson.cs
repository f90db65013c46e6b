using System.Text.Json;
using System.Text.Json.Serialization;

namespace RectifyFlows.Api.Http;

/// <summary>
/// The serializer settings of every response on both hosts, applied by <see cref="DependencyInjection.AddRectifyFlowsApi"/>
/// to the HTTP <c>JsonOptions</c> that typed results and problem details write with: the Web defaults, enums as
/// their camelCase names (<see cref="JsonNames"/>), Chinese text unescaped.
/// </summary>
public static class ApiJson
{
    /// <summary>Applies the response settings to <paramref name="options"/>.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Chinese text stays readable in responses instead of \uXXXX escapes; HTML-sensitive characters are still escaped.
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

        // Response DTOs hold the enum types; integers are not accepted back, so a number never stands for a name.
        options.Converters.Add(new JsonStringEnumConverter(JsonNames.Policy, allowIntegerValues: false));
    }
}
