using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Actions;

/// <summary>Accountability actions by unit (PK unit id, RK action id). Opening is insert-if-absent: ids are deterministic.</summary>
public sealed class ActionRepository(FeatureTables tables, IOptions<StorageOptions> options)
{
    /// <summary>Opens the action; false when it was already open (a replayed activity, a double fire).</summary>
    public async Task<bool> OpenAsync(AccountabilityAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await tables.Actions.AddEntityAsync(ToRow(action), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public Task<AccountabilityAction?> GetAsync(string unitId, string actionId, CancellationToken cancellationToken) =>
        tables.Actions.FindDocumentAsync<AccountabilityAction>(unitId, actionId, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored action, guarded by its ETag: when another writer got there first,
    /// it reads again and re-applies (so a second completion meets the first one's status and is refused). Null when the
    /// action does not exist. The change carries the action's history entry, written with it in the same row.
    /// </summary>
    public async Task<AccountabilityAction?> UpdateAsync(
        string unitId, string actionId, Func<AccountabilityAction, AccountabilityAction> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < options.Value.ConcurrencyRetries; attempt++)
        {
            var row = await tables.Actions.GetEntityIfExistsAsync<JsonEntity>(unitId, actionId, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return null;
            }

            var after = change(RowJson.Deserialize<AccountabilityAction>(row.Value!.Json));
            try
            {
                await tables.Actions.UpdateEntityAsync(ToRow(after), row.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return after;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Changed meanwhile: read again.
            }
        }

        throw new ConcurrencyConflictException($"Action {actionId} of unit {unitId} kept changing; try again.");
    }

    /// <summary>Actions, filtered. With a unit: one partition; without: the whole table (actions number in the thousands, not millions).</summary>
    public async Task<IReadOnlyList<AccountabilityAction>> ListAsync(
        string? unitId, ActionKind? kind, string? status, string? source, CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        if (unitId is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"PartitionKey eq {unitId}"));
        }

        if (kind is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"Kind eq {kind.Value.ToString()}"));
        }

        if (status is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"Status eq {status}"));
        }

        var actions = new List<AccountabilityAction>();
        await foreach (var row in tables.Actions.QueryAsync<JsonEntity>(
            filters.Count == 0 ? null : string.Join(" and ", filters), cancellationToken: cancellationToken))
        {
            var action = RowJson.Deserialize<AccountabilityAction>(row.Json);
            if (source is null || action.Source == source)
            {
                actions.Add(action);
            }
        }

        return [.. actions.OrderBy(a => a.OpenedAt).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The actions a cycle (<paramref name="source"/>, its instance id) opened for the given units: one partition query
    /// per unit, so a cycle's count or report costs what its findings do, not what the whole table holds.
    /// </summary>
    public async Task<IReadOnlyList<AccountabilityAction>> ListBySourceAsync(
        string source, IEnumerable<string> unitIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        var found = new System.Collections.Concurrent.ConcurrentBag<AccountabilityAction>();
        await Parallel.ForEachAsync(unitIds.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelQueries, CancellationToken = cancellationToken },
            async (unitId, token) =>
            {
                await foreach (var row in tables.Actions.QueryAsync<JsonEntity>(
                    TableClient.CreateQueryFilter($"PartitionKey eq {unitId}"), cancellationToken: token))
                {
                    var action = RowJson.Deserialize<AccountabilityAction>(row.Json);
                    if (action.Source == source)
                    {
                        found.Add(action);
                    }
                }
            });

        return [.. found.OrderBy(a => a.OpenedAt).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    private const int ParallelQueries = 8;

    private static JsonEntity ToRow(AccountabilityAction action) => new()
    {
        PartitionKey = action.UnitId,
        RowKey = action.Id,
        Kind = action.Kind.ToString(),
        Status = action.Status,
        UnitId = action.UnitId,
        Json = RowJson.Serialize(action),
    };
}
