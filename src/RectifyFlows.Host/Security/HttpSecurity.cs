using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Http;

namespace RectifyFlows.Host.Security;

/// <summary>
/// Per-key rate limiting (token bucket per API key id, per client address for requests without a key) and CORS that
/// stays closed unless origins are configured. Webhooks are limited like everything else, by sender address.
/// </summary>
public static partial class HttpSecurity
{
    public const string CorsPolicy = "configured-origins";

    public static IServiceCollection AddHttpSecurity(this IServiceCollection services)
    {
        services.AddOptions<IntakeLimitsOptions>().BindConfiguration(IntakeLimitsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<IntakeLimitsOptions>>().Value;
                return RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                LogRejected(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("RectifyFlows.Http"), PartitionOf(context));
                await Problems.Write(context, StatusCodes.Status429TooManyRequests, "请求过于频繁，请稍后再试",
                    $"This key made more requests than its limit; retry after {retryAfter} s.", "rate-limited");
            };
        });

        // With no configured origins the policy admits none: no Access-Control-Allow-* header is ever sent.
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<IntakeLimitsOptions>>((cors, limits) =>
        {
            var origins = limits.Value.CorsOrigins.ToHashSet(StringComparer.OrdinalIgnoreCase);
            cors.AddPolicy(CorsPolicy, policy => policy.SetIsOriginAllowed(origins.Contains)
                .WithHeaders(ApiKeyAuthenticator.HeaderName, "Content-Type").WithMethods("GET", "POST", "PUT"));
        });
        return services;
    }

    /// <summary>CORS first (a preflight carries no key); the rate limiter after authentication, so it can see the key.</summary>
    public static WebApplication UseHttpSecurity(this WebApplication app, Action<WebApplication> authenticate)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(authenticate);
        app.UseCors(CorsPolicy);
        authenticate(app);
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The key id (never the key) when a key authenticated, else the client's address.</summary>
    private static string PartitionOf(HttpContext context) =>
        context.User.KeyId() is { } keyId ? "key:" + keyId : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit reached for {Partition}")]
    private static partial void LogRejected(ILogger logger, string partition);
}
