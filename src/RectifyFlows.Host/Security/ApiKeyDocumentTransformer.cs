using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RectifyFlows.Api.Auth;
using RectifyFlows.Domain.Webhooks;

namespace RectifyFlows.Host.Security;

/// <summary>Describes the API's authentication in the OpenAPI document: the X-Api-Key header, and the webhooks' signature.</summary>
public sealed class ApiKeyDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "RectifyFlows API",
            Version = "v1",
            Description = "巡察整改落实：整改台账、督查周期、问责与通知。Every route needs an X-Api-Key except /healthz, the public "
                + $"disclosure page and the webhooks, which are signed with {WebhookSignature.HeaderName}: t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticator.HeaderName,
            Description = "A key with a role (operator, unit, team, leader); unit keys are scoped to their unit.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
