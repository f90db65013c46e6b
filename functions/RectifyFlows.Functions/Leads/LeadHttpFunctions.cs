using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Http;
using RectifyFlows.Api.Leads;
using RectifyFlows.Api.Reports;

namespace RectifyFlows.Functions.Leads;

/// <summary>
/// The leads ledger and the monthly report sign-off, behind the same X-Api-Key roles as the standalone host
/// (<see cref="ApiAccess"/>); audit rows name the key's principal. The handling is <see cref="LeadApi"/>'s and
/// <see cref="MonthlySignoffApi"/>'s.
/// </summary>
public sealed class LeadHttpFunctions(LeadApi leads, MonthlySignoffApi signoff)
{
    [Function("ListLeads")]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "leads")] HttpRequest request) =>
        await ApiAccess.AuthorizeAsync(request, Policies.Operator)
            ?? await leads.ListAsync(request.Query.Value("status"), request.Query.Value("overdue"), request.HttpContext.RequestAborted);

    [Function("GetLead")]
    public async Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "leads/{id}")] HttpRequest request, string id) =>
        await ApiAccess.AuthorizeAsync(request, Policies.Operator) ?? await leads.GetAsync(id, request.HttpContext.RequestAborted);

    [Function("AssignLead")]
    public async Task<IResult> AssignAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads/{id}/assign")] HttpRequest request, string id) =>
        await ApiAccess.AuthorizeAsync(request, Policies.Operator)
            ?? await leads.AssignAsync(request, id, request.HttpContext.User.PrincipalId());

    [Function("DisposeLead")]
    public async Task<IResult> DisposeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads/{id}/disposition")] HttpRequest request, string id) =>
        await ApiAccess.AuthorizeAsync(request, Policies.Operator)
            ?? await leads.DispositionAsync(request, id, request.HttpContext.User.PrincipalId());

    [Function("SignOffMonthlyReport")]
    public async Task<IResult> SignOffAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/monthly/{period}/signoff")] HttpRequest request, string period) =>
        await ApiAccess.AuthorizeAsync(request, Policies.Reviewer)
            ?? await signoff.SignOffAsync(period, request.HttpContext.User.PrincipalId(), request.HttpContext.RequestAborted);
}
