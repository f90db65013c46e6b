using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RectifyFlows.Api.Webhooks;

namespace RectifyFlows.Functions.Webhooks;

/// <summary>
/// The project-progress, attendance and leads webhooks: anonymous at the Functions level, authenticated by their HMAC
/// signature. The handling is the shared webhook classes'.
/// </summary>
public sealed class IntakeWebhookFunctions(ProjectProgressWebhook progress, AttendanceWebhook attendance, LeadWebhook leads)
{
    [Function("ProjectProgressWebhook")]
    public Task<IResult> ProjectProgressAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/project-progress")] HttpRequest request) =>
        progress.HandleAsync(request);

    [Function("AttendanceWebhook")]
    public Task<IResult> AttendanceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/attendance")] HttpRequest request) =>
        attendance.HandleAsync(request);

    [Function("LeadsWebhook")]
    public Task<IResult> LeadsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/leads")] HttpRequest request) =>
        leads.HandleAsync(request);
}
