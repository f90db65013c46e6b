namespace RectifyFlows.Testing;

/// <summary>
/// The API keys host tests call with: the Development profile's operator and leader keys (appsettings.Development.json)
/// and two unit keys of the test district that <see cref="UnitKeySettings"/> adds through configuration.
/// </summary>
public static class TestKeys
{
    /// <summary>The Development profile's operator key (role operator).</summary>
    public const string Operator = "dev-operator-key";

    /// <summary>The Development profile's webhook secret: what every sender without a secret of its own signs with.</summary>
    public const string WebhookSecret = "dev-webhook-secret";

    /// <summary>The Development profile's leader key (role leader, signs off).</summary>
    public const string Leader = "dev-leader-key";

    /// <summary>The key of unit d001-dept-fupin (role unit), added by <see cref="UnitKeySettings"/>.</summary>
    public const string Fupin = "test-unit-d001-fupin";

    /// <summary>The key of unit d001-tw-shiyuan (role unit), added by <see cref="UnitKeySettings"/>.</summary>
    public const string Shiyuan = "test-unit-d001-shiyuan";

    /// <summary>
    /// Host settings adding <see cref="Fupin"/> and <see cref="Shiyuan"/> at slots 10 and 11, like an operator would;
    /// a new dictionary on every call, so a test may add its own settings to it.
    /// </summary>
    public static Dictionary<string, string> UnitKeySettings() => new()
    {
        ["RectifyFlows__Auth__Keys__10__Key"] = Fupin,
        ["RectifyFlows__Auth__Keys__10__PrincipalId"] = "unit-d001-dept-fupin",
        ["RectifyFlows__Auth__Keys__10__Role"] = "unit",
        ["RectifyFlows__Auth__Keys__10__UnitId"] = "d001-dept-fupin",
        ["RectifyFlows__Auth__Keys__11__Key"] = Shiyuan,
        ["RectifyFlows__Auth__Keys__11__PrincipalId"] = "unit-d001-tw-shiyuan",
        ["RectifyFlows__Auth__Keys__11__Role"] = "unit",
        ["RectifyFlows__Auth__Keys__11__UnitId"] = "d001-tw-shiyuan",
    };
}
