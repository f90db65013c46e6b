using System.Text.Json;

namespace RectifyFlows.Infra.Tests;

/// <summary>One resource of an <see cref="ArmTemplate"/>, with its symbolic name when the template has them.</summary>
internal sealed class ArmResource(string? symbol, JsonElement element, ArmTemplate template)
{
    private ArmTemplate? _nested;

    public string? Symbol { get; } = symbol;

    public JsonElement Element { get; } = element;

    public ArmTemplate Template { get; } = template;

    public string Type => Element.GetProperty("type").GetString()!;

    public string Name => Element.GetProperty("name").GetString()!;

    public string? Kind => Element.TryGetProperty("kind", out var kind) ? kind.GetString() : null;

    public bool IsExisting => Element.TryGetProperty("existing", out var existing) && existing.GetBoolean();

    public JsonElement Properties => Element.GetProperty("properties");

    /// <summary>The module's template when this is a nested deployment (a Bicep module).</summary>
    public ArmTemplate? Nested => _nested ??=
        Type == "Microsoft.Resources/deployments" && Properties.TryGetProperty("template", out var template)
            ? ArmTemplate.Nest(template, this)
            : null;

    /// <summary>A property by dotted path (<c>siteConfig.minTlsVersion</c>) under <c>properties</c>; throws if missing.</summary>
    public JsonElement Property(string path)
    {
        var current = Properties;
        foreach (var part in path.Split('.'))
        {
            if (!current.TryGetProperty(part, out current))
            {
                throw new AssertFailedException($"{Type} '{Name}' has no properties.{path}.");
            }
        }

        return current;
    }

    /// <summary>The text (string or JSON) this module deployment passes for a parameter of its template.</summary>
    public string? ParameterValue(string parameter) =>
        Properties.TryGetProperty("parameters", out var parameters) && parameters.TryGetProperty(parameter, out var value)
            ? value.ValueKind == JsonValueKind.Object && value.TryGetProperty("value", out var inner) ? TextOf(inner) : TextOf(value)
            : null;

    public static string TextOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();

    public override string ToString() => $"{Type} {Symbol ?? Name}";
}
