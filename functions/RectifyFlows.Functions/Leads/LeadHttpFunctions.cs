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
    public Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "leads")] HttpRequest request) =>
        ApiAccess.HandleAsync(request, Policies.Operator,
            c => leads.ListAsync(c.Request.Query.Value("status"), c.Request.Query.Value("overdue"), c.RequestAborted));

    [Function("GetLead")]
    public Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "leads/{id}")] HttpRequest request, string id) =>
        ApiAccess.HandleAsync(request, Policies.Operator, c => leads.GetAsync(id, c.RequestAborted));

    [Function("AssignLead")]
    public Task<IResult> AssignAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads/{id}/assign")] HttpRequest request, string id) =>
        ApiAccess.HandleAsync(request, Policies.Operator, c => leads.AssignAsync(c.Request, id, c.User.PrincipalId()));

    [Function("DisposeLead")]
    public Task<IResult> DisposeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads/{id}/disposition")] HttpRequest request, string id) =>
        ApiAccess.HandleAsync(request, Policies.Operator, c => leads.DispositionAsync(c.Request, id, c.User.PrincipalId()));

    [Function("SignOffMonthlyReport")]
    public Task<IResult> SignOffAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/monthly/{period}/signoff")] HttpRequest request, string period) =>
        ApiAccess.HandleAsync(request, Policies.Reviewer, c => signoff.SignOffAsync(period, c.User.PrincipalId(), c.RequestAborted));
}
