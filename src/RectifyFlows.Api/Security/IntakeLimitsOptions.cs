using System.ComponentModel.DataAnnotations;

namespace RectifyFlows.Api.Security;

/// <summary>Per-key rate limit and cross-origin settings; bound from <c>RectifyFlows:Http</c>.</summary>
public sealed class IntakeLimitsOptions
{
    public const string SectionName = "RectifyFlows:Http";

    /// <summary>Requests a key (or, without a key, a client address) may make per second, sustained.</summary>
    [Range(1, 100_000)]
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>How many requests a key may make at once above the sustained rate (the bucket's size).</summary>
    [Range(1, 100_000)]
    public int Burst { get; set; } = 500;

    /// <summary>Origins allowed to call the API from a browser; empty (the default) means no cross-origin access at all.</summary>
    public IList<string> CorsOrigins { get; } = [];
}
