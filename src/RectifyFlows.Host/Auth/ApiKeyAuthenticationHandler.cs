using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RectifyFlows.Api.Auth;

namespace RectifyFlows.Host.Auth;

/// <summary>ASP.NET Core's face of <see cref="ApiKeyAuthenticator"/>; 401 and 403 answer with the shared problem details.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = ApiKeyAuthenticator.AuthenticationType;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[ApiKeyAuthenticator.HeaderName].ToString();
        if (presented.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        var user = await authenticator.AuthenticateAsync(presented, Context.RequestAborted);
        return user is null
            ? AuthenticateResult.Fail("Unknown, revoked or malformed API key.")
            : AuthenticateResult.Success(new AuthenticationTicket(user, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => ApiAccess.Unauthorized().ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => ApiAccess.Forbidden().ExecuteAsync(Context);
}
