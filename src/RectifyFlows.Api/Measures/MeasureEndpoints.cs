using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Routing;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Api.Measures;

/// <summary>The measure ledger (api.md): list, read, and the lifecycle steps; the handling is <see cref="MeasureHandlers"/>'.</summary>
public static class MeasureEndpoints
{
    public static IEnumerable<ApiRoute> Routes =>
    [
        new("ListMeasures", "GET", "/api/measures", Policies.AnyKey, "Measures", r => r.Service<MeasureHandlers>().ListAsync(r.Context))
        {
            Query = ["planId", "unitId", "status", "colour", "overdue", "asOf"],
        },
        new("GetMeasure", "GET", "/api/measures/{measureId}", Policies.AnyKey, "Measures",
            r => r.Service<MeasureHandlers>().GetAsync(r.Route("measureId"), r.Context)),
        new("ReportMeasureProgress", "POST", "/api/measures/{measureId}/progress", Policies.Unit, "Measures",
            r => r.Service<MeasureHandlers>().ProgressAsync(r.Route("measureId"), r.Context)) { Body = typeof(ProgressRequest) },
        new("SubmitMeasureEvidence", "POST", "/api/measures/{measureId}/evidence", Policies.Unit, "Measures",
            r => r.Service<MeasureHandlers>().EvidenceAsync(r.Route("measureId"), r.Context, r.Durable<EscalationStarter>()))
        {
            Durable = true, Body = typeof(EvidenceRequest),
        },
        new("SignOffMeasure", "POST", "/api/measures/{measureId}/signoff", Policies.Reviewer, "Measures",
            r => r.Service<MeasureHandlers>().SignOffAsync(r.Route("measureId"), r.Context, r.Durable<EscalationStarter>()))
        {
            Durable = true, Body = typeof(SignOffRequest),
        },
        new("RequestMeasureExtension", "POST", "/api/measures/{measureId}/extension", Policies.Unit, "Measures",
            r => r.Service<MeasureHandlers>().ExtensionAsync(r.Route("measureId"), r.Context)) { Body = typeof(ExtensionRequest) },
        new("DecideMeasureExtension", "POST", "/api/measures/{measureId}/extension/decision", Policies.Reviewer, "Measures",
            r => r.Service<MeasureHandlers>().ExtensionDecisionAsync(r.Route("measureId"), r.Context, r.Durable<EscalationStarter>()))
        {
            Durable = true, Body = typeof(ExtensionDecisionRequest),
        },
    ];
}
