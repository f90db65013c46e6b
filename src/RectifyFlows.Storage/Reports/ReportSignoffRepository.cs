using Azure;
using Azure.Data.Tables;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Reports;

/// <summary>Who signed off a report and when (PK <see cref="ReportLocator.Partition"/>, RK <c>signoff</c>); the first sign-off stands.</summary>
public sealed class ReportSignoffRepository(FeatureTables tables)
{
    private const string Row = "signoff";

    /// <summary>Records the sign-off; when the report was already signed off, returns that one.</summary>
    public async Task<ReportSignoff> SignAsync(string kind, string period, string signedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await tables.ReportSignoffs.AddEntityAsync(new TableEntity(ReportLocator.Partition(kind, period), Row)
            {
                ["SignedBy"] = signedBy,
                ["SignedAt"] = at,
            }, cancellationToken);
            return new ReportSignoff(signedBy, at, Created: true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return (await GetAsync(kind, period, cancellationToken))!;
        }
    }

    public async Task<ReportSignoff?> GetAsync(string kind, string period, CancellationToken cancellationToken)
    {
        var row = await tables.ReportSignoffs.GetEntityIfExistsAsync<TableEntity>(ReportLocator.Partition(kind, period), Row, cancellationToken: cancellationToken);
        return row.HasValue
            ? new ReportSignoff(row.Value!.GetString("SignedBy") ?? string.Empty, row.Value.GetDateTimeOffset("SignedAt") ?? default, Created: false)
            : null;
    }
}
