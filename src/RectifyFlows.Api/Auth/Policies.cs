using System.Security.Claims;

namespace RectifyFlows.Api.Auth;

/// <summary>Authorization policy names used on the routes, and which roles each admits (one table for both hosts).</summary>
public static class Policies
{
    public const string AnyKey = "any-key";
    public const string Operator = "operator";
    public const string Reviewer = "reviewer";
    public const string Unit = "unit";

    /// <summary>A unit key (scoped to its unit by the handler) or the office's operator: work either side may record.</summary>
    public const string UnitOrOperator = "unit-or-operator";

    /// <summary>Every policy, for the host that registers them.</summary>
    public static readonly IReadOnlyList<string> All = [AnyKey, Operator, Reviewer, Unit, UnitOrOperator];

    /// <summary>The roles a policy admits; <see cref="AnyKey"/> admits every role.</summary>
    public static IReadOnlyList<string> RolesOf(string policy) => policy switch
    {
        AnyKey => [.. Roles.All],
        Operator => [Roles.Operator],
        Reviewer => [Roles.Operator, Roles.Leader],
        Unit => [Roles.Unit],
        UnitOrOperator => [Roles.Unit, Roles.Operator],
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown policy."),
    };

    public static bool Allows(ClaimsPrincipal user, string policy)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true && RolesOf(policy).Any(user.IsInRole);
    }
}
