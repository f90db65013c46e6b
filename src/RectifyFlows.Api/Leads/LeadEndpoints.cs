using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Reports;

namespace RectifyFlows.Api.Leads;

/// <summary>The standalone host's routes for the leads ledger and the monthly report sign-off (X-Api-Key policies).</summary>
public static class LeadEndpoints
{
    public static IEndpointRouteBuilder MapLeadEndpoints(this IEndpointRouteBuilder app)
    {
        var leads = app.MapGroup("/api/leads").WithTags("Leads").RequireAuthorization(Policies.Operator);
        leads.MapGet("", (LeadApi api, string? status, string? overdue, HttpContext context) =>
            api.ListAsync(status, overdue, context.RequestAborted));
        leads.MapGet("/{id}", (LeadApi api, string id, HttpContext context) => api.GetAsync(id, context.RequestAborted));
        leads.MapPost("/{id}/assign", (LeadApi api, string id, HttpContext context) => api.AssignAsync(context.Request, id, context.User.PrincipalId()));
        leads.MapPost("/{id}/disposition", (LeadApi api, string id, HttpContext context) =>
            api.DispositionAsync(context.Request, id, context.User.PrincipalId()));
        app.MapPost("/api/reports/monthly/{period}/signoff", (MonthlySignoffApi api, string period, HttpContext context) =>
                api.SignOffAsync(period, context.User.PrincipalId(), context.RequestAborted))
            .WithTags("Reports").RequireAuthorization(Policies.Reviewer);
        return app;
    }
}
