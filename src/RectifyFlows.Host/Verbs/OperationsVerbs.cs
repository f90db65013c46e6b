using System.CommandLine;
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
    /// <summary>The verbs, with their help text and validation.</summary>
    public static IEnumerable<Command> Commands()
    {
        var check = new Option<bool>("--check") { Description = "report only, rebuild nothing" };
        var doctor = new Command("doctor", "Find failed, stuck, corrupt or missing ladders and cycles and rebuild them from the ledger (exit code 1 if one could not be rebuilt).") { check };
        doctor.SetAction((parse, _) => DoctorAsync(repair: !parse.GetValue(check)));
        yield return doctor;

        var sizes = new Command("sizes", "Row counts of every table, the outbox by status, the task hub.");
        sizes.SetAction((_, _) => SizesAsync());
        yield return sizes;

        var purge = new Command("purge", "Apply the retention settings now (RectifyFlows:Operations:Retention).");
        purge.SetAction((_, _) => PurgeAsync());
        yield return purge;

        var exportFile = new Argument<string>("file") { Description = "the backup file to write, e.g. backup-2026-12-01.jsonl.gz" };
        var export = new Command("export", "Write every product table to one backup file (.jsonl.gz).") { exportFile };
        export.SetAction((parse, _) => ExportAsync(parse.GetValue(exportFile)!));
        yield return export;

        var restoreFile = new Argument<string>("file") { Description = "a backup file written by export" };
        restoreFile.Validators.Add(result =>
        {
            if (!File.Exists(result.GetValueOrDefault<string>()))
            {
                result.AddError("restore needs an existing backup file.");
            }
        });
        var force = new Option<bool>("--force") { Description = "load over existing rows (default: only into an empty store)" };
        var restore = new Command("restore", "Load a backup into an empty store.") { restoreFile, force };
        restore.SetAction((parse, _) => RestoreAsync(parse.GetValue(restoreFile)!, parse.GetValue(force)));
        yield return restore;
    }

    private static Task<int> DoctorAsync(bool repair) =>
        WithOperationsAsync(durable: true, async services =>
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

    private static Task<int> SizesAsync() => WithOperationsAsync(durable: false, async services =>
    {
        var report = await services.GetRequiredService<StoreSizes>().MeasureAsync(CancellationToken.None);
        foreach (var table in report.Tables)
        {
            var detail = table.ByStatus is { Count: > 0 } statuses ? "  (" + string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}")) + ")" : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{table.Table,-22} {table.Rows,12:N0}{detail}"));
        }

        return 0;
    });

    private static Task<int> PurgeAsync() => WithOperationsAsync(durable: true, async services =>
    {
        var report = await services.GetRequiredService<RetentionService>().PurgeAsync(DateTimeOffset.UtcNow, HostVerbs.CliActor, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Purged {report.WebhookEvents} webhook event(s), {report.Orchestrations} orchestration(s), {report.SentMessages} sent message(s); kept {report.KeptForOpenItems} for open items."));
        return 0;
    });

    private static Task<int> ExportAsync(string path) =>
        WithOperationsAsync(durable: false, async services =>
        {
            await using (var file = File.Create(path))
            {
                var summary = await services.GetRequiredService<StoreBackup>().ExportAsync(file, CancellationToken.None);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Exported {summary.Rows:N0} row(s) of {summary.RowsByTable.Count} table(s) to {Path.GetFullPath(path)}."));
            }

            return 0;
        });

    private static Task<int> RestoreAsync(string path, bool force) =>
        WithOperationsAsync(durable: false, async services =>
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

    /// <summary>Storage plus the operations services; with <paramref name="durable"/> also the engine's client (no worker).</summary>
    private static Task<int> WithOperationsAsync(bool durable, Func<IServiceProvider, Task<int>> work) =>
        HostVerbs.WithStorageAsync(work, builder =>
        {
            builder.AddRectifyFlowsWorkflows();
            if (durable)
            {
                builder.AddStandaloneDurableClient();
            }

            builder.AddOperations(durable);
        });
}
