using System.ComponentModel.DataAnnotations;

namespace RectifyFlows.Api.Auth;

/// <summary>API key settings; bound from <c>RectifyFlows:Auth</c>.</summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string SectionName = "RectifyFlows:Auth";

    /// <summary>An operator key given at start for first set-up and automation (stored hashed, like every key).</summary>
    public string? BootstrapOperatorKey { get; set; }

    /// <summary>Keys registered at start; appsettings.Development.json lists the documented development keys.</summary>
    public IList<ConfiguredKey> Keys { get; } = [];

    /// <summary>How long a looked-up key is remembered; revocation takes effect within this time.</summary>
    [Range(0, 3600)]
    public int CacheSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BootstrapOperatorKey is { Length: < 16 })
        {
            yield return new("BootstrapOperatorKey must be at least 16 characters.", [nameof(BootstrapOperatorKey)]);
        }

        foreach (var key in Keys)
        {
            if (string.IsNullOrWhiteSpace(key.Key) || !Roles.All.Contains(key.Role) || (key.Role == Roles.Unit && string.IsNullOrWhiteSpace(key.UnitId)))
            {
                yield return new($"Key '{key.PrincipalId}' needs a key, a role ({string.Join(", ", Roles.All)}) and, for role unit, a unitId.", [nameof(Keys)]);
            }
        }
    }

    /// <summary>A key listed in configuration.</summary>
    public sealed class ConfiguredKey
    {
        public string Key { get; set; } = string.Empty;
        public string PrincipalId { get; set; } = string.Empty;
        public string Role { get; set; } = string.Empty;
        public string? UnitId { get; set; }
    }
}
