using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Operations.Backup;
using RectifyFlows.Storage.Actions;
using RectifyFlows.Storage.Auth;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Reports;
using RectifyFlows.Storage.Tables;
using RectifyFlows.Storage.Webhooks;

namespace RectifyFlows.Operations.Tests;

/// <summary>Export to one file and restore into an empty store, compared row by row and property by property.</summary>
[TestClass]
public sealed class BackupTests : OperationsStoreTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task ExportThenRestore_IntoAnEmptyStore_ReproducesEveryRowOfEveryTable_AndRefusesANonEmptyOne()
    {
        var source = await CreateStoreAsync();
        var target = await CreateStoreAsync();
        await FillAsync(source);
        using var file = new MemoryStream();
        var exported = await source.GetRequiredService<StoreBackup>().ExportAsync(file, Ct);
        Assert.IsGreaterThan(100L, exported.Rows, "the plan, its units, audit rows and the rest were exported");

        file.Position = 0;
        var restored = await target.GetRequiredService<StoreBackup>().RestoreAsync(file, force: false, "test", Ct);
        CollectionAssert.AreEquivalent(exported.RowsByTable.Where(t => t.Value > 0).ToList(), restored.RowsByTable.ToList());

        var before = await RowsAsync(source);
        var after = await RowsAsync(target);
        // The restore leaves its own audit row in the operations log: the one row the source did not have.
        var restoreAudit = after.Where(r => r.StartsWith("OperationsLog/restore|", StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, restoreAudit);
        CollectionAssert.AreEqual(before.ToList(), after.Except(restoreAudit).ToList(), "every row, key and typed property came back");

        file.Position = 0;
        await Assert.ThrowsExactlyAsync<StoreNotEmptyException>(() =>
            target.GetRequiredService<StoreBackup>().RestoreAsync(file, force: false, "test", Ct));
        file.Position = 0;
        var forced = await target.GetRequiredService<StoreBackup>().RestoreAsync(file, force: true, "test", Ct);
        Assert.AreEqual(exported.Rows, forced.Rows, "--force writes the backup over existing rows");
    }

    /// <summary>Rows of every kind the product writes: a plan with units and audit, an action, a key's hash, messages, a webhook event, a report, and one row with every property type.</summary>
    private async Task FillAsync(ServiceProvider store)
    {
        await store.GetRequiredService<PlanImporter>().ImportAsync(TestPlans.Read(TestPlans.District(1, withEvidence: true)), "test", Ct);
        await store.GetRequiredService<ActionRepository>().OpenAsync(new AccountabilityAction
        {
            Id = "a-1", UnitId = "d001-dept-fupin", Kind = ActionKind.CallIn, Reason = "排名末位，约谈", Source = "weekly-2017-W14",
            DueDate = new DateOnly(2017, 4, 14), OpenedAt = DateTimeOffset.UtcNow,
        }, Ct);
        await store.GetRequiredService<ApiKeyStore>().IssueAsync("unit-d001-dept-fupin", "unit", "d001-dept-fupin", "backup test", "test", Ct);
        await store.GetRequiredService<OutboxRepository>().EnqueueAsync(
        [
            new OutboxMessage { IdempotencyKey = "backup|1", RecipientId = "d001-dept-fupin", Kind = "reminder", Subject = "提醒", Body = "请按期整改", Address = "fupin@example.cn" },
            new OutboxMessage { IdempotencyKey = "backup|2", RecipientId = "d001-dept-fupin", Kind = "bulletin", Subject = "通报", Body = "第一督查组", Status = "sent" },
        ], Ct);
        await store.GetRequiredService<WebhookEventRepository>().RecordAsync("inspection-results", "evt-1", 202, "{\"id\":\"r1\"}", Ct);
        await store.GetRequiredService<ReportRepository>().SaveAsync("monthly", "2017-03", new string('报', 70_000), Ct);
        await store.GetRequiredService<FeatureTables>().Strikes.AddEntityAsync(new TableEntity("types", "every-edm-type")
        {
            ["Text"] = "整改 ✓",
            ["Flag"] = true,
            ["Int"] = int.MinValue,
            ["Long"] = long.MaxValue,
            ["Double"] = 0.1 + 0.2,
            ["When"] = new DateTimeOffset(2017, 3, 31, 9, 0, 0, TimeSpan.FromHours(8)),
            ["Id"] = Guid.NewGuid(),
            ["Bytes"] = new byte[] { 0, 1, 2, 255 },
        }, Ct);
    }

    /// <summary>Every row as "table/PK/RK/property:type=value;…", sorted (no timestamps or ETags: a restore writes new ones).</summary>
    private async Task<IReadOnlyList<string>> RowsAsync(ServiceProvider store)
    {
        var tables = store.GetRequiredService<ProductTables>();
        var rows = new List<string>();
        foreach (var table in tables.All)
        {
            await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: Ct))
            {
                var properties = row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key}:{p.Value?.GetType().Name}={Format(p.Value)}");
                rows.Add($"{tables.NameOf(table)}/{row.PartitionKey}/{row.RowKey}/{string.Join(';', properties)}");
            }
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Format(object? value) => value switch
    {
        byte[] bytes => Convert.ToBase64String(bytes),
        BinaryData data => Convert.ToBase64String(data.ToArray()),
        DateTimeOffset t => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "null",
    };
}
