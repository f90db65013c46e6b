using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace RectifyFlows.Storage.Tables;

/// <summary>
/// The tables of the features beside the ledger (<see cref="LedgerTables"/>): inspection results by month, actions
/// by unit, projects by district, strikes by unit, archived reports by kind and period, webhook events by id, the plan
/// directory, leads, attendance by month, report sign-offs and the operations log. Each feature's repository lives in
/// its own folder; this class only names the tables, so the schema and backups see them all in one place.
/// </summary>
public sealed class FeatureTables(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly string _prefix = options.Value.TablePrefix;

    public TableClient InspectionResults => Table("InspectionResults");
    public TableClient Actions => Table("Actions");
    public TableClient Projects => Table("Projects");
    public TableClient Strikes => Table("Strikes");
    public TableClient Reports => Table("Reports");
    public TableClient WebhookEvents => Table("WebhookEvents");
    public TableClient PlanDirectory => Table("PlanDirectory");

    /// <summary>The leads ledger: one partition per lead (the lead and its audit rows).</summary>
    public TableClient Leads => Table("Leads");

    /// <summary>Leads without a disposition by deadline month, then date: "overdue leads" is one key range.</summary>
    public TableClient OpenLeadsByDeadline => Table("OpenLeadsByDeadline");

    /// <summary>Attendance records (考勤) by month, one row per person.</summary>
    public TableClient Attendance => Table("Attendance");

    /// <summary>Report sign-offs by report.</summary>
    public TableClient ReportSignoffs => Table("ReportSignoffs");

    /// <summary>Audit rows of the doctor's repairs, retention's purges and restores (docs/operations.md).</summary>
    public TableClient OperationsLog => Table("OperationsLog");

    public IEnumerable<TableClient> All =>
        [InspectionResults, Actions, Projects, Strikes, Reports, WebhookEvents, PlanDirectory, Leads, OpenLeadsByDeadline, Attendance, ReportSignoffs, OperationsLog];

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(All.Select(table => table.CreateIfNotExistsAsync(cancellationToken)));

    private TableClient Table(string name) => service.GetTableClient(_prefix + name);
}
