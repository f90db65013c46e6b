namespace RectifyFlows.Api.Auth;

/// <summary>The roles an API key can carry (api.md).</summary>
public static class Roles
{
    /// <summary>整改办: the rectification office; imports plans, reviews, manages units.</summary>
    public const string Operator = "operator";

    /// <summary>A unit's key, scoped to that unit's measures.</summary>
    public const string Unit = "unit";

    /// <summary>A supervision team.</summary>
    public const string Team = "team";

    /// <summary>A district leader; may review like the office.</summary>
    public const string Leader = "leader";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Operator, Unit, Team, Leader };
}
