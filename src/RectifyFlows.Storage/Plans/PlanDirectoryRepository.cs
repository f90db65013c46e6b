using Azure.Data.Tables;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Plans;

/// <summary>
/// The plans the cycles run over. Partition <c>plans</c> lists every plan; partition <c>office|{officeId}</c> lists the
/// plans of one issuing office, so a per-office cycle reads one small partition instead of scanning them all.
/// </summary>
public sealed class PlanDirectoryRepository(FeatureTables tables)
{
    private const string Partition = "plans";
    private const string OfficePrefix = "office|";

    /// <summary>Records (or updates) a plan in both listings. Idempotent: upserts only.</summary>
    public async Task RegisterAsync(Plan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var entry = new PlanDirectoryEntry
        {
            PlanId = plan.Id, DistrictId = plan.DistrictId, OfficeId = plan.OfficeId, OfficeName = plan.OfficeName,
            SourceKind = plan.SourceKind, Title = plan.Title,
        };
        var previous = await tables.PlanDirectory.GetEntityIfExistsAsync<TableEntity>(Partition, plan.Id, cancellationToken: cancellationToken);
        await tables.PlanDirectory.UpsertEntityAsync(Row(OfficePrefix + entry.OfficeId, entry), TableUpdateMode.Replace, cancellationToken);
        await tables.PlanDirectory.UpsertEntityAsync(Row(Partition, entry), TableUpdateMode.Replace, cancellationToken);

        // A plan re-issued by another office leaves its old office's listing.
        if (previous.HasValue && previous.Value!.GetString("OfficeId") is { Length: > 0 } oldOffice && oldOffice != entry.OfficeId)
        {
            await tables.PlanDirectory.DeleteEntityAsync(OfficePrefix + oldOffice, plan.Id, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Every plan.</summary>
    public async Task<IReadOnlyList<PlanDirectoryEntry>> ListAsync(CancellationToken cancellationToken) =>
        await QueryAsync(Partition, cancellationToken);

    /// <summary>The plans one office issued: one partition query.</summary>
    public async Task<IReadOnlyList<PlanDirectoryEntry>> ListByOfficeAsync(string officeId, CancellationToken cancellationToken) =>
        await QueryAsync(OfficePrefix + officeId, cancellationToken);

    /// <summary>Every issuing office once, with its name, ordered by id.</summary>
    public async Task<IReadOnlyList<(string OfficeId, string OfficeName)>> ListOfficesAsync(CancellationToken cancellationToken) =>
        [.. (await ListAsync(cancellationToken)).GroupBy(p => p.OfficeId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First().OfficeName))];

    private async Task<IReadOnlyList<PlanDirectoryEntry>> QueryAsync(string partition, CancellationToken cancellationToken)
    {
        var plans = new List<PlanDirectoryEntry>();
        await foreach (var row in tables.PlanDirectory.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            var districtId = row.GetString("DistrictId") ?? string.Empty;
            plans.Add(new PlanDirectoryEntry
            {
                PlanId = row.RowKey,
                DistrictId = districtId,
                // Rows written before offices existed: the district was the office.
                OfficeId = row.GetString("OfficeId") is { Length: > 0 } office ? office : districtId,
                OfficeName = row.GetString("OfficeName") ?? string.Empty,
                SourceKind = PlanSourceKinds.Parse(row.GetString("SourceKind")) ?? PlanSourceKind.Inspection,
                Title = row.GetString("Title") ?? string.Empty,
            });
        }

        return plans;
    }

    private static TableEntity Row(string partition, PlanDirectoryEntry entry) => new(partition, entry.PlanId)
    {
        ["DistrictId"] = entry.DistrictId,
        ["OfficeId"] = entry.OfficeId,
        ["OfficeName"] = entry.OfficeName,
        ["SourceKind"] = entry.SourceKind.ToString(),
        ["Title"] = entry.Title,
    };
}
