using RectifyFlows.Api.Routing;
using RectifyFlows.Workflows.MonthlyCycle;

namespace RectifyFlows.Api.Webhooks;

/// <summary>Signed webhook intake (api.md): anonymous routes, authenticated by their HMAC signature, not by a key.</summary>
public static class WebhookEndpoints
{
    public static IEnumerable<ApiRoute> Routes =>
    [
        new("InspectionResultsWebhook", "POST", "/api/webhooks/inspection-results", null, "Webhooks",
            r => r.Service<InspectionResultWebhook>().HandleAsync(r.Request, r.Durable<InspectionIntake>())) { Durable = true },
        new("ProjectProgressWebhook", "POST", "/api/webhooks/project-progress", null, "Webhooks",
            r => r.Service<ProjectProgressWebhook>().HandleAsync(r.Request)),
        new("AttendanceWebhook", "POST", "/api/webhooks/attendance", null, "Webhooks", r => r.Service<AttendanceWebhook>().HandleAsync(r.Request)),
        new("LeadsWebhook", "POST", "/api/webhooks/leads", null, "Webhooks", r => r.Service<LeadWebhook>().HandleAsync(r.Request)),
    ];
}
