using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using RectifyFlows.Functions.Http;

namespace RectifyFlows.Functions.Ledger;

/// <summary>
/// The ledger round trip for the office (the shared route table's <c>LedgerXlsxEndpoints</c>): export the plan's
/// measures as .xlsx, import the edited file; an imported deadline moves the escalation ladder, so the import binds a durable client.
/// </summary>
public static class LedgerXlsxFunctions
{
    [Function("ExportLedgerXlsx")]
    public static Task<IResult> ExportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "plans/{planId}/ledger.xlsx")] HttpRequest request, string planId) =>
        RouteTrigger.RunAsync("ExportLedgerXlsx", request, planId);

    [Function("ImportLedgerXlsx")]
    public static Task<IResult> ImportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "plans/{planId}/ledger.xlsx")] HttpRequest request, string planId,
        [DurableClient] DurableTaskClient client) =>
        RouteTrigger.RunDurableAsync("ImportLedgerXlsx", request, client, planId);
}
