using System.Text.Json;
using System.Text.RegularExpressions;

namespace RectifyFlows.Infra.Tests;

/// <summary>
/// A compiled ARM template (or a module's template nested in it) read with System.Text.Json. Expressions are not
/// evaluated; tests read them as text, with <c>variables('x')</c> replaced by x's literal value where it has one.
/// </summary>
internal sealed partial class ArmTemplate
{
    private ArmTemplate(JsonElement root, ArmResource? deployment)
    {
        Root = root;
        Deployment = deployment;
        Resources = ReadResources(root, this);
    }

    public JsonElement Root { get; }

    /// <summary>The module deployment this template is nested in; null for main.bicep's template.</summary>
    public ArmResource? Deployment { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    /// <summary>This template's resources and, depth first, those of every module it deploys.</summary>
    public IEnumerable<ArmResource> AllResources =>
        Resources.SelectMany(resource => resource.Nested is { } nested ? [resource, .. nested.AllResources] : new[] { resource });

    public static ArmTemplate Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new ArmTemplate(document.RootElement.Clone(), deployment: null);
    }

    public ArmResource? BySymbol(string symbol) => Resources.SingleOrDefault(resource => resource.Symbol == symbol);

    public IEnumerable<ArmResource> OfType(string type) =>
        AllResources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase));

    /// <summary>Declared parameters of this template whose type is secure (securestring, secureObject).</summary>
    public IEnumerable<string> SecureParameters =>
        Root.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateObject()
                .Where(parameter => parameter.Value.GetProperty("type").GetString()!.StartsWith("secure", StringComparison.OrdinalIgnoreCase))
                .Select(parameter => parameter.Name)
            : [];

    /// <summary>The expression with each <c>variables('name')</c> of a literal string variable replaced by that string, quoted.</summary>
    public string Resolve(string expression) => VariableReference().Replace(expression, match =>
        Root.TryGetProperty("variables", out var variables)
        && variables.TryGetProperty(match.Groups["name"].Value, out var value)
        && value.ValueKind == JsonValueKind.String
        && !value.GetString()!.StartsWith('[')
            ? $"'{value.GetString()}'"
            : match.Value);

    /// <summary>
    /// When the expression refers to a user-assigned identity declared in this template by a parameter
    /// (<c>resourceId('…/userAssignedIdentities', parameters('p'))</c>, or a symbolic <c>existing</c> resource named by
    /// one), the expression the enclosing deployment passes for that parameter; otherwise null.
    /// </summary>
    public string? IdentityPassedIn(string expression)
    {
        var parameter = IdentityByResourceId().Match(expression) is { Success: true } byId
            ? byId.Groups["parameter"].Value
            : SymbolReference().Matches(expression)
                .Select(match => BySymbol(match.Groups["symbol"].Value))
                .Where(resource => resource is { IsExisting: true, Type: IdentityType })
                .Select(resource => ParameterReference().Match(resource!.Name))
                .Where(match => match.Success)
                .Select(match => match.Groups["parameter"].Value)
                .FirstOrDefault();
        return parameter is null ? null : Deployment?.ParameterValue(parameter);
    }

    public const string IdentityType = "Microsoft.ManagedIdentity/userAssignedIdentities";

    private static List<ArmResource> ReadResources(JsonElement template, ArmTemplate owner)
    {
        if (!template.TryGetProperty("resources", out var resources))
        {
            return [];
        }

        // languageVersion 2.0 (symbolic names) keeps resources in an object; 1.0 in an array.
        return resources.ValueKind == JsonValueKind.Object
            ? [.. resources.EnumerateObject().Select(property => new ArmResource(property.Name, property.Value, owner))]
            : [.. resources.EnumerateArray().Select(element => new ArmResource(null, element, owner))];
    }

    internal static ArmTemplate Nest(JsonElement template, ArmResource deployment) => new(template, deployment);

    [GeneratedRegex(@"variables\('(?<name>[A-Za-z0-9_]+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"resourceId\('Microsoft\.ManagedIdentity/userAssignedIdentities',\s*parameters\('(?<parameter>[A-Za-z0-9_]+)'\)\)")]
    private static partial Regex IdentityByResourceId();

    [GeneratedRegex(@"reference\('(?<symbol>[A-Za-z0-9_]+)'")]
    private static partial Regex SymbolReference();

    [GeneratedRegex(@"^\[parameters\('(?<parameter>[A-Za-z0-9_]+)'\)\]$")]
    private static partial Regex ParameterReference();
}
