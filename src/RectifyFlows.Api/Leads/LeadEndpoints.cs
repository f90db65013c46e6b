using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RectifyFlows.Api.Reports;

namespace RectifyFlows.Api.Leads;

/// <summary>The standalone host's routes for the leads ledger and the monthly report sign-off (X-Api-Key policies).</summary>
public static class LeadEndpoints
{
    /// <summary>The host's policy names (RectifyFlows.Host.Auth.Policies): the office; the office or a leader.</summary>
    public const string OperatorPolicy = "operator";
    public const string ReviewerPolicy = "reviewer";

    public static IEndpointRouteBuilder MapLeadEndpoints(this IEndpointRouteBuilder app)
    {
        var leads = app.MapGroup("/api/leads").WithTags("Leads").RequireAuthorization(OperatorPolicy);
        leads.MapGet("", (LeadApi api, string? status, string? overdue, HttpContext context) =>
            api.ListAsync(status, overdue, context.RequestAborted));
        leads.MapGet("/{id}", (LeadApi api, string id, HttpContext context) => api.GetAsync(id, context.RequestAborted));
        leads.MapPost("/{id}/assign", (LeadApi api, string id, HttpContext context) => api.AssignAsync(context.Request, id, Actor(context.User)));
        leads.MapPost("/{id}/disposition", (LeadApi api, string id, HttpContext context) =>
            api.DispositionAsync(context.Request, id, Actor(context.User)));
        app.MapPost("/api/reports/monthly/{period}/signoff", (MonthlySignoffApi api, string period, HttpContext context) =>
                api.SignOffAsync(period, Actor(context.User), context.RequestAborted))
            .WithTags("Reports").RequireAuthorization(ReviewerPolicy);
        return app;
    }

    /// <summary>The principal recorded in audit rows (the API key's principal id).</summary>
    public static string Actor(ClaimsPrincipal user) => user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
}
