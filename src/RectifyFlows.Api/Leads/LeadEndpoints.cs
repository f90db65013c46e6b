using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Routing;

namespace RectifyFlows.Api.Leads;

/// <summary>The leads ledger (operator keys; audit rows name the key's principal); the handling is <see cref="LeadApi"/>'s.</summary>
public static class LeadEndpoints
{
    public static IEnumerable<ApiRoute> Routes =>
    [
        new("ListLeads", "GET", "/api/leads", Policies.Operator, "Leads",
            r => r.Service<LeadApi>().ListAsync(r.Query("status"), r.Query("overdue"), r.Aborted)) { Query = ["status", "overdue"] },
        new("GetLead", "GET", "/api/leads/{id}", Policies.Operator, "Leads", r => r.Service<LeadApi>().GetAsync(r.Route("id"), r.Aborted)),
        new("AssignLead", "POST", "/api/leads/{id}/assign", Policies.Operator, "Leads",
            r => r.Service<LeadApi>().AssignAsync(r.Request, r.Route("id"), r.User.PrincipalId())) { Body = typeof(LeadAssignRequest) },
        new("DisposeLead", "POST", "/api/leads/{id}/disposition", Policies.Operator, "Leads",
            r => r.Service<LeadApi>().DispositionAsync(r.Request, r.Route("id"), r.User.PrincipalId())) { Body = typeof(LeadDispositionRequest) },
    ];
}
