using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Leads;
using RectifyFlows.Storage.Audit;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Leads;

/// <summary>
/// The leads ledger (rule 8). <c>Leads</c>: PK lead id, RK <c>lead</c> (the truth, changed only with its ETag) and
/// <c>audit|lead|…</c> rows committed in the same transaction. <c>OpenLeadsByDeadline</c>: PK deadline month, RK
/// <c>{yyyy-MM-dd}|{id}</c>, a row per lead without a disposition, so "overdue" is one key range. The index is written
/// before the truth and cleaned after it, so it is a superset; readers confirm each row against the lead.
/// </summary>
public sealed class LeadRepository(FeatureTables tables, IOptions<StorageOptions> options)
{
    public const string AuditKind = "lead";
    private const string LeadRow = "lead";

    /// <summary>Stores a new lead; false when a lead with this id exists (a redelivery).</summary>
    public async Task<bool> RegisterAsync(Lead lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        // Insert-if-absent, not an upsert: a redelivery (same body, so the same deadline) finds the row and writes nothing.
        try
        {
            await tables.OpenLeadsByDeadline.AddEntityAsync(IndexRow(lead.Id, lead.Deadline), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already indexed: a redelivery, or an earlier attempt that stopped before the lead.
        }

        var first = lead.History[0];
        try
        {
            await tables.Leads.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, ToRow(lead)),
                new(TableTransactionActionType.Add, Audit(lead, first.Action, first.Actor, first.At, null, first.Note)),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public Task<Lead?> GetAsync(string leadId, CancellationToken cancellationToken) =>
        tables.Leads.FindDocumentAsync<Lead>(leadId, LeadRow, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> (which may throw <see cref="LeadTransitionException"/>) with the ETag, re-reading
    /// after a lost race; null when the lead does not exist. The audit row names the actor of the change's last history entry.
    /// </summary>
    public async Task<Lead?> UpdateAsync(string leadId, Func<Lead, Lead> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < options.Value.ConcurrencyRetries; attempt++)
        {
            var row = await tables.Leads.GetEntityIfExistsAsync<JsonEntity>(leadId, LeadRow, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return null;
            }

            var before = RowJson.Deserialize<Lead>(row.Value!.Json);
            var after = change(before);
            var entry = after.History[^1];
            if (after.Disposition is null && after.Deadline != before.Deadline)
            {
                await tables.OpenLeadsByDeadline.UpsertEntityAsync(IndexRow(after.Id, after.Deadline), TableUpdateMode.Replace, cancellationToken);
            }

            var updated = ToRow(after);
            updated.ETag = row.Value.ETag;
            try
            {
                await tables.Leads.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.UpdateReplace, updated, row.Value.ETag),
                    new(TableTransactionActionType.Add, Audit(after, entry.Action, entry.Actor, entry.At, before.Status, entry.Note)),
                ], cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * (attempt + 1)), cancellationToken);
                continue;
            }

            if (after.Disposition is not null || after.Deadline != before.Deadline)
            {
                await DeleteIndexAsync(before.Id, before.Deadline, cancellationToken);
            }

            return after;
        }

        throw new ConcurrencyConflictException($"Lead {leadId} kept changing; try again.");
    }

    /// <summary>Every lead, optionally of one status. Scans the Leads table's lead rows: leads number in the hundreds a year.</summary>
    public async Task<IReadOnlyList<Lead>> ListAsync(LeadStatus? status, CancellationToken cancellationToken)
    {
        var filter = status is null
            ? TableClient.CreateQueryFilter($"RowKey eq {LeadRow}")
            : TableClient.CreateQueryFilter($"RowKey eq {LeadRow} and Status eq {status.Value.ToString()}");
        var leads = new List<Lead>();
        await foreach (var row in tables.Leads.QueryAsync<JsonEntity>(filter, cancellationToken: cancellationToken))
        {
            leads.Add(RowJson.Deserialize<Lead>(row.Json));
        }

        return [.. leads.OrderBy(l => l.ReceivedAt).ThenBy(l => l.Id, StringComparer.Ordinal)];
    }

    /// <summary>Leads past their deadline (before <paramref name="today"/>) without a disposition: one index range plus a point read each.</summary>
    public async Task<IReadOnlyList<Lead>> ListOverdueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var overdue = new List<Lead>();
        await foreach (var row in tables.OpenLeadsByDeadline.QueryAsync<TableEntity>(
            $"PartitionKey le '{month}' and RowKey lt '{date}'", cancellationToken: cancellationToken))
        {
            var (deadline, id) = Parse(row.RowKey);
            var lead = await GetAsync(id, cancellationToken);
            if (lead is not null && lead.Deadline == deadline && lead.IsOverdue(today))
            {
                overdue.Add(lead);
            }
            else if (lead is not null)
            {
                // A row left behind by a change that stopped after its commit: the lead says it is no longer open here.
                await DeleteIndexAsync(id, deadline, cancellationToken);
            }
        }

        return [.. overdue.OrderBy(l => l.Deadline).ThenBy(l => l.Id, StringComparer.Ordinal)];
    }

    /// <summary>The audit rows of a lead, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEvent>> AuditAsync(string leadId, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>();
        await foreach (var row in tables.Leads.QueryAsync<TableEntity>(
            LedgerKeys.AuditOf(AuditKind, leadId).Filter(leadId), cancellationToken: cancellationToken))
        {
            events.Add(AuditEntity.ToEvent(row));
        }

        return events;
    }

    private async Task DeleteIndexAsync(string leadId, DateOnly deadline, CancellationToken cancellationToken)
    {
        var index = IndexRow(leadId, deadline);
        await tables.OpenLeadsByDeadline.DeleteEntityAsync(index.PartitionKey, index.RowKey, ETag.All, cancellationToken);
    }

    private static TableEntity IndexRow(string leadId, DateOnly deadline) =>
        new(deadline.ToString("yyyy-MM", CultureInfo.InvariantCulture), $"{deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{leadId}");

    private static (DateOnly Deadline, string Id) Parse(string rowKey)
    {
        var parts = rowKey.Split('|', 2);
        return (DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), parts[1]);
    }

    private static JsonEntity ToRow(Lead lead) => new()
    {
        PartitionKey = lead.Id,
        RowKey = LeadRow,
        Kind = lead.Source,
        Status = lead.Status.ToString(),
        UnitId = lead.OwnerUnitId ?? lead.UnitId,
        Json = RowJson.Serialize(lead),
    };

    private static TableEntity Audit(Lead lead, string action, string actor, DateTimeOffset at, LeadStatus? from, string? note) =>
        AuditEntity.From(new AuditEvent
        {
            EntityKind = AuditKind,
            EntityId = lead.Id,
            Action = action,
            Actor = actor,
            At = at,
            FromStatus = from?.ToString(),
            ToStatus = lead.Status.ToString(),
            Reason = note,
        }, lead.Id, LedgerKeys.Audit(AuditKind, lead.Id, at, lead.Version, 0));
}
