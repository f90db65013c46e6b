using System.Text.Json;

namespace RectifyFlows.Api.Http;

/// <summary>
/// How names appear in the JSON contract: camelCase (<c>EvidenceSubmitted</c> → <c>evidenceSubmitted</c>). Responses
/// carry enum values and <see cref="ApiJson"/>'s converter writes them; these helpers are for the places a name is
/// needed as a string outside a response body (an enum name stored as text), so both spell it the same way.
/// </summary>
public static class JsonNames
{
    /// <summary>The naming policy of the contract, for properties and enum values alike.</summary>
    public static JsonNamingPolicy Policy => JsonNamingPolicy.CamelCase;

    /// <summary>A stored name (an enum's name kept as text in a table) as the contract spells it.</summary>
    public static string Camel(string name) => string.IsNullOrEmpty(name) ? name : Policy.ConvertName(name);
}
