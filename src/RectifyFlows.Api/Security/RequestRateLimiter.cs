using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Http;

namespace RectifyFlows.Api.Security;

/// <summary>
/// The per-key rate limit of both hosts (ADR 0010): a token bucket per API key id, per client address for requests
/// without a key, sized by <see cref="IntakeLimitsOptions"/>. The standalone host installs <see cref="Limiter"/> as
/// ASP.NET Core's global limiter; the Functions app asks it before each route. One process, one set of buckets: a
/// scaled-out Functions app therefore limits per instance.
/// </summary>
public sealed partial class RequestRateLimiter : IDisposable
{
    private readonly ILogger<RequestRateLimiter> _logger;

    public RequestRateLimiter(IOptions<IntakeLimitsOptions> options, ILogger<RequestRateLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        var limits = options.Value;
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.Burst,
                TokensPerPeriod = limits.PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    /// <summary>Takes a permit for this request (after authentication, so the key is known); null to go on, else the 429 to answer with.</summary>
    public IResult? TryAcquire(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var lease = Limiter.AttemptAcquire(context);
        return lease.IsAcquired ? null : Rejected(context, lease);
    }

    /// <summary>The 429 problem with <c>Retry-After</c> (whole seconds, at least 1), logged with the partition (never a key).</summary>
    public IResult Rejected(HttpContext context, RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(lease);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        LogRejected(_logger, PartitionOf(context));
        return Problems.Status(StatusCodes.Status429TooManyRequests, "请求过于频繁，请稍后再试",
            $"This key made more requests than its limit; retry after {retryAfter} s.", "rate-limited");
    }

    public void Dispose() => Limiter.Dispose();

    /// <summary>The key id (never the key) when a key authenticated, else the client's address.</summary>
    public static string PartitionOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.KeyId() is { } keyId ? "key:" + keyId : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit reached for {Partition}")]
    private static partial void LogRejected(ILogger logger, string partition);
}
