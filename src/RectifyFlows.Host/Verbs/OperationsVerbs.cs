using System.Globalization;
using RectifyFlows.Host.Durable;
using RectifyFlows.Host.Operations;
using RectifyFlows.Operations;
using RectifyFlows.Operations.Backup;
using RectifyFlows.Operations.Doctor;
using RectifyFlows.Operations.Retention;
using RectifyFlows.Workflows;

namespace RectifyFlows.Host.Verbs;

/// <summary>The operator verbs of docs/operations.md: doctor, sizes, purge, export, restore.</summary>
internal static class OperationsVerbs
{
    public static Task<int> DoctorAsync(string[] args)
    {
        var repair = !args.Contains("--check");
        return WithOperationsAsync(durable: true, async services =>
        {
            var report = await services.GetRequiredService<WorkflowDoctor>().RunAsync(repair, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Checked {report.LaddersChecked} ladder(s) of open items and {report.CyclesChecked} cycle(s): {report.Findings.Count} broken, {report.Repaired} rebuilt."));
            foreach (var finding in report.Findings)
            {
                Console.WriteLine($"  {finding.InstanceId}  {finding.Kind,-6} {finding.Problem,-10} {(finding.Repaired ? "rebuilt" : repair ? "NOT rebuilt (see log)" : "not rebuilt (--check)")}");
            }

            return report.Findings.Count == report.Repaired || !repair ? 0 : 1;
        });
    }

    public static Task<int> SizesAsync(string[] args) => WithOperationsAsync(durable: false, async services =>
    {
        var report = await services.GetRequiredService<StoreSizes>().MeasureAsync(CancellationToken.None);
        foreach (var table in report.Tables)
        {
            var detail = table.ByStatus is { Count: > 0 } statuses ? "  (" + string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}")) + ")" : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table.Table,-22} {table.Rows,12:N0}{detail}"));
        }

        return 0;
    });

    public static Task<int> PurgeAsync(string[] args) => WithOperationsAsync(durable: true, async services =>
    {
        var report = await services.GetRequiredService<RetentionService>().PurgeAsync(DateTimeOffset.UtcNow, HostVerbs.CliActor, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Purged {report.WebhookEvents} webhook event(s), {report.Orchestrations} orchestration(s), {report.SentMessages} sent message(s); kept {report.KeptForOpenItems} for open items."));
        return 0;
    });

    public static Task<int> ExportAsync(string[] args)
    {
        var path = args is [var p, ..] ? p : throw new ArgumentException("export needs a file name, e.g. backup-2026-12-01.jsonl.gz.");
        return WithOperationsAsync(durable: false, async services =>
        {
            await using (var file = File.Create(path))
            {
                var summary = await services.GetRequiredService<StoreBackup>().ExportAsync(file, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Exported {summary.Rows:N0} row(s) of {summary.RowsByTable.Count} table(s) to {Path.GetFullPath(path)}."));
            }

            return 0;
        });
    }

    public static Task<int> RestoreAsync(string[] args)
    {
        var path = args is [var p, ..] && File.Exists(p) ? p : throw new ArgumentException("restore needs an existing backup file.");
        var force = args.Contains("--force");
        return WithOperationsAsync(durable: false, async services =>
        {
            try
            {
                await using var file = File.OpenRead(path);
                var summary = await services.GetRequiredService<StoreBackup>().RestoreAsync(file, force, HostVerbs.CliActor, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Restored {summary.Rows:N0} row(s). Start the host: its start-up catch-up and the doctor rebuild the ladders and cycles from the ledger."));
                return 0;
            }
            catch (StoreNotEmptyException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }
        });
    }

    /// <summary>Storage plus the operations services; with <paramref name="durable"/> also the engine's client (no worker).</summary>
    private static Task<int> WithOperationsAsync(bool durable, Func<IServiceProvider, Task<int>> work) =>
        HostVerbs.WithStorageAsync([], work, builder =>
        {
            builder.AddRectifyFlowsWorkflows();
            if (durable)
            {
                builder.AddStandaloneDurableClient();
            }

            builder.AddOperations(durable);
        });
}
