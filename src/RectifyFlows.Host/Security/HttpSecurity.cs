using Microsoft.AspNetCore.RateLimiting;
using RectifyFlows.Api.Security;

namespace RectifyFlows.Host.Security;

/// <summary>
/// The shared rate limit (<see cref="RequestRateLimiter"/>) and CORS rules (<see cref="CorsRules"/>) as ASP.NET Core
/// middleware. Webhooks are limited like everything else, by sender address.
/// </summary>
public static class HttpSecurity
{
    public const string CorsPolicy = "configured-origins";

    public static IServiceCollection AddHttpSecurity(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RequestRateLimiter>((limiter, shared) =>
        {
            limiter.GlobalLimiter = shared.Limiter;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) => new ValueTask(shared.Rejected(rejected.HttpContext, rejected.Lease).ExecuteAsync(rejected.HttpContext));
        });

        // With no configured origins the policy admits none: no Access-Control-Allow-* header is ever sent.
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<CorsRules>((cors, rules) =>
            cors.AddPolicy(CorsPolicy, policy => policy.SetIsOriginAllowed(rules.Allows).WithHeaders(CorsRules.Headers).WithMethods(CorsRules.Methods)));
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
}
