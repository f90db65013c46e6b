namespace RectifyFlows.Api.Http;

/// <summary>How enum names appear in the JSON contract: camelCase (<c>EvidenceSubmitted</c> → <c>evidenceSubmitted</c>).</summary>
public static class JsonNames
{
    public static string Camel(string name) => string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
