using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RectifyFlows.Api.Http;

namespace RectifyFlows.Api.Auth;

/// <summary>
/// Authentication and role checks for hosts without ASP.NET Core's authorization middleware (the Functions app): the
/// same keys, the same <see cref="Policies"/>, the same 401/403 problem details as the standalone host.
/// </summary>
public static class ApiAccess
{
    /// <summary>Authenticates the request's key into <c>HttpContext.User</c>; returns the problem to answer with, or null to go on.</summary>
    public static async Task<IResult?> AuthorizeAsync(HttpRequest request, string policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.HttpContext;
        var authenticator = context.RequestServices.GetRequiredService<ApiKeyAuthenticator>();
        var user = await authenticator.AuthenticateAsync(request.Headers[ApiKeyAuthenticator.HeaderName].ToString(), context.RequestAborted);
        if (user is null)
        {
            return Unauthorized();
        }

        context.User = user;
        return Policies.Allows(user, policy) ? null : Forbidden();
    }

    /// <summary>Runs <paramref name="handle"/> when the request's key passes <paramref name="policy"/>; otherwise answers 401/403.</summary>
    public static async Task<IResult> HandleAsync(HttpRequest request, string policy, Func<HttpContext, Task<IResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return await AuthorizeAsync(request, policy) ?? await handle(request.HttpContext);
    }

    public static IResult Unauthorized() =>
        Problems.Status(StatusCodes.Status401Unauthorized, "需要有效的 API 密钥", $"Send a valid key in the {ApiKeyAuthenticator.HeaderName} header.", "unauthorized");

    public static IResult Forbidden() =>
        Problems.Status(StatusCodes.Status403Forbidden, "无权执行此操作", "This key's role may not use this route.", "forbidden");
}
