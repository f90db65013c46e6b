using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RectifyFlows.Api.Leads;
using RectifyFlows.Api.Reports;

namespace RectifyFlows.Functions.Leads;

/// <summary>
/// The leads ledger and the monthly report sign-off behind Functions keys (the standalone host uses its X-Api-Key
/// roles instead); audit rows name the caller as <see cref="Actor"/>. The handling is <see cref="LeadApi"/>'s and
/// <see cref="MonthlySignoffApi"/>'s.
/// </summary>
public sealed class LeadHttpFunctions(LeadApi leads, MonthlySignoffApi signoff)
{
    /// <summary>A Functions key names no person: changes are recorded as made through one.</summary>
    public const string Actor = "functions-key";

    [Function("ListLeads")]
    public Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "leads")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return leads.ListAsync(request.Query["status"].FirstOrDefault(), request.Query["overdue"].FirstOrDefault(), request.HttpContext.RequestAborted);
    }

    [Function("GetLead")]
    public Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "leads/{id}")] HttpRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        return leads.GetAsync(id, request.HttpContext.RequestAborted);
    }

    [Function("AssignLead")]
    public Task<IResult> AssignAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "leads/{id}/assign")] HttpRequest request, string id) =>
        leads.AssignAsync(request, id, Actor);

    [Function("DisposeLead")]
    public Task<IResult> DisposeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "leads/{id}/disposition")] HttpRequest request, string id) =>
        leads.DispositionAsync(request, id, Actor);

    [Function("SignOffMonthlyReport")]
    public Task<IResult> SignOffAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "reports/monthly/{period}/signoff")] HttpRequest request, string period)
    {
        ArgumentNullException.ThrowIfNull(request);
        return signoff.SignOffAsync(period, Actor, request.HttpContext.RequestAborted);
    }
}
