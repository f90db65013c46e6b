namespace RectifyFlows.Host.Auth;

/// <summary>Authorization policy names used on the endpoints.</summary>
public static class Policies
{
    public const string AnyKey = "any-key";
    public const string Operator = "operator";
    public const string Reviewer = "reviewer";
    public const string Unit = "unit";
}
