using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using RectifyFlows.Functions.Http;

namespace RectifyFlows.Functions.Leads;

/// <summary>The leads ledger routes of the shared route table (<c>LeadEndpoints</c>) as HTTP triggers, run by <see cref="RouteTrigger"/>.</summary>
public static class LeadHttpFunctions
{
    [Function("ListLeads")]
    public static Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "leads")] HttpRequest request) =>
        RouteTrigger.RunAsync("ListLeads", request);

    [Function("GetLead")]
    public static Task<IResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "leads/{id}")] HttpRequest request, string id) =>
        RouteTrigger.RunAsync("GetLead", request, id);

    [Function("AssignLead")]
    public static Task<IResult> AssignAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads/{id}/assign")] HttpRequest request, string id) =>
        RouteTrigger.RunAsync("AssignLead", request, id);

    [Function("DisposeLead")]
    public static Task<IResult> DisposeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "leads/{id}/disposition")] HttpRequest request, string id) =>
        RouteTrigger.RunAsync("DisposeLead", request, id);
}
