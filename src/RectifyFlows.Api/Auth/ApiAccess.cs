using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RectifyFlows.Api.Http;

namespace RectifyFlows.Api.Auth;

/// <summary>
/// Authentication and role checks for hosts without ASP.NET Core's authorization middleware (the Functions app): the
/// same keys, the same <see cref="Policies"/>, the same 401/403 problem details as the standalone host: the trigger
/// authenticates first (<see cref="AuthenticateAsync"/>, so rate limiting sees the key) and checks the policy after.
/// </summary>
public static class ApiAccess
{
    /// <summary>
    /// Authenticates the request's key, when it sends one, into <c>HttpContext.User</c> (as the standalone host's
    /// authentication middleware does before rate limiting): a missing or unknown key leaves the caller anonymous.
    /// </summary>
    public static async Task AuthenticateAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = request.Headers[ApiKeyAuthenticator.HeaderName].ToString();
        if (presented.Length == 0)
        {
            return;
        }

        var context = request.HttpContext;
        var user = await context.RequestServices.GetRequiredService<ApiKeyAuthenticator>().AuthenticateAsync(presented, context.RequestAborted);
        if (user is not null)
        {
            context.User = user;
        }
    }

    /// <summary>The 401/403 for an already authenticated (or anonymous) caller on a route with <paramref name="policy"/>; null to go on.</summary>
    public static IResult? Check(HttpContext context, string policy)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.Identity?.IsAuthenticated != true ? Unauthorized() : Policies.Allows(context.User, policy) ? null : Forbidden();
    }

    public static IResult Unauthorized() =>
        Problems.Status(StatusCodes.Status401Unauthorized, "需要有效的 API 密钥", $"Send a valid key in the {ApiKeyAuthenticator.HeaderName} header.", "unauthorized");

    public static IResult Forbidden() =>
        Problems.Status(StatusCodes.Status403Forbidden, "无权执行此操作", "This key's role may not use this route.", "forbidden");
}
