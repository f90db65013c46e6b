using RectifyFlows.Api.Webhooks;
using RectifyFlows.Workflows.MonthlyCycle;

namespace RectifyFlows.Host.Webhooks;

/// <summary>Signed webhook intake (api.md); the handling is shared with the Functions app.</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webhooks/inspection-results",
                (HttpContext context, InspectionResultWebhook webhook, InspectionIntake intake) => webhook.HandleAsync(context.Request, intake))
            .WithTags("Webhooks").AllowAnonymous();
        return app;
    }
}
