using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RectifyFlows.Api.Webhooks;

/// <summary>The standalone host's routes for the project-progress, attendance and leads webhooks (signed, so anonymous).</summary>
public static class IntakeWebhookEndpoints
{
    public static IEndpointRouteBuilder MapIntakeWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webhooks/project-progress", (HttpContext context, ProjectProgressWebhook webhook) => webhook.HandleAsync(context.Request))
            .WithTags("Webhooks").AllowAnonymous();
        app.MapPost("/api/webhooks/attendance", (HttpContext context, AttendanceWebhook webhook) => webhook.HandleAsync(context.Request))
            .WithTags("Webhooks").AllowAnonymous();
        app.MapPost("/api/webhooks/leads", (HttpContext context, LeadWebhook webhook) => webhook.HandleAsync(context.Request))
            .WithTags("Webhooks").AllowAnonymous();
        return app;
    }
}
