namespace RectifyFlows.Domain.Units;

/// <summary>How to reach a person or a unit. <see cref="Synthetic"/> marks data the source document did not give.</summary>
public sealed record Contact
{
    public string? Name { get; init; }
    public string? Title { get; init; }
    public string? Email { get; init; }
    public string? Mobile { get; init; }
    public string? WeComRobotKey { get; init; }
    public string? DingTalkRobotToken { get; init; }

    /// <summary>
    /// The channels to try, most preferred first (email, sms, wecom, dingtalk); null means that order. A channel this
    /// contact has no address for is skipped; the ones after the first are the fallbacks.
    /// </summary>
    public IReadOnlyList<string>? Channels { get; init; }
    public bool Synthetic { get; init; }
}
