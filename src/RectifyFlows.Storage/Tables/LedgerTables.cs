using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace RectifyFlows.Storage.Tables;

/// <summary>
/// The tables of the ledger and their clients. The partitioning of each is documented in docs/storage.md;
/// in short: <see cref="Ledger"/> by plan, <see cref="MeasuresByUnit"/> by unit, <see cref="OpenMeasuresByDue"/>
/// by due month, <see cref="MeasureDirectory"/> and <see cref="Units"/> by id, <see cref="UnitsByDistrict"/> by district.
/// </summary>
public sealed class LedgerTables(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly string _prefix = options.Value.TablePrefix;

    public TableServiceClient Service { get; } = service;

    /// <summary>A plan's definitions, measure states, evidence and audit events, one partition per plan.</summary>
    public TableClient Ledger => Table("Ledger");

    /// <summary>Copies of each measure under every unit it involves.</summary>
    public TableClient MeasuresByUnit => Table("MeasuresByUnit");

    /// <summary>Copies of every measure not yet signed off, by due month then date.</summary>
    public TableClient OpenMeasuresByDue => Table("OpenMeasuresByDue");

    /// <summary>Measure id → plan id, written once.</summary>
    public TableClient MeasureDirectory => Table("MeasureDirectory");

    /// <summary>One partition per unit: its profile, cadres, officials, teams and audit events.</summary>
    public TableClient Units => Table("Units");

    /// <summary>Unit summaries by district, for listings.</summary>
    public TableClient UnitsByDistrict => Table("UnitsByDistrict");

    /// <summary>API keys by hash.</summary>
    public TableClient ApiKeys => Table("ApiKeys");

    public IEnumerable<TableClient> All =>
        [Ledger, MeasuresByUnit, OpenMeasuresByDue, MeasureDirectory, Units, UnitsByDistrict, ApiKeys];

    /// <summary>Creates every table that does not exist yet.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(All.Select(table => table.CreateIfNotExistsAsync(cancellationToken)));
    }

    private TableClient Table(string name) => Service.GetTableClient(_prefix + name);
}
