using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Units;

/// <summary>
/// Which units exist, and in which district, held in memory for the intake's hot path (a webhook must not spend a
/// storage round trip asking whether its unit exists). Loaded once from the district listings (<c>UnitsByDistrict</c>,
/// keys only: about 14 requests for a 13,200-unit province), kept fresh by this process's writers
/// (<see cref="UnitRepository"/> reports every unit it writes), and reloaded in the background every
/// <see cref="StorageOptions.UnitDirectoryRefresh"/> for units another process wrote or removed. A unit it does not
/// know is confirmed with one point read before it is called unknown, so a unit imported a moment ago by another
/// process is never refused; only refused requests pay that read.
/// </summary>
public sealed class UnitDirectory(LedgerTables tables, TimeProvider time, IOptions<StorageOptions> options)
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, Change> _changes = new(StringComparer.Ordinal);
    private Snapshot? _snapshot;
    private Task<Snapshot>? _loading;

    /// <summary>Whether the unit exists (in memory after the first call; a point read only for an id it does not know).</summary>
    public async ValueTask<bool> ExistsAsync(string unitId, CancellationToken cancellationToken) =>
        await DistrictOfAsync(unitId, cancellationToken) is not null;

    /// <summary>The unit's district (the district of a district is itself), or null for an unknown unit.</summary>
    public async ValueTask<string?> DistrictOfAsync(string unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitId);
        var snapshot = await CurrentAsync(cancellationToken);
        if (_changes.TryGetValue(unitId, out var change))
        {
            return change.DistrictId;
        }

        if (snapshot.Districts.TryGetValue(unitId, out var district))
        {
            return district;
        }

        // Not known here: perhaps written by another process since the last load. The profile row says.
        var profile = await tables.Units.GetEntityIfExistsAsync<UnitEntity>(unitId, UnitEntity.ProfileRow, cancellationToken: cancellationToken);
        if (!profile.HasValue)
        {
            return null;
        }

        var found = profile.Value!.DistrictId;
        _changes[unitId] = new Change(found, time.GetUtcNow());
        return found;
    }

    /// <summary>Called by a writer once a unit's rows are committed.</summary>
    public void Written(string unitId, string districtId) => _changes[unitId] = new Change(districtId, time.GetUtcNow());

    /// <summary>Called by a writer once a unit's rows are deleted.</summary>
    public void Removed(string unitId) => _changes[unitId] = new Change(null, time.GetUtcNow());

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null)
        {
            return await LoadAsync().WaitAsync(cancellationToken);
        }

        if (time.GetUtcNow() - snapshot.LoadedAt >= options.Value.UnitDirectoryRefresh)
        {
            // Answer from the current snapshot now; the reload replaces it when done (stale for at most one refresh).
            // A failed reload is retried on the next call; the old snapshot keeps answering.
            _ = LoadAsync().ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return snapshot;
    }

    /// <summary>One load at a time, shared by every caller that needs it.</summary>
    private Task<Snapshot> LoadAsync()
    {
        lock (_gate)
        {
            return _loading ??= Task.Run(async () =>
            {
                try
                {
                    var started = time.GetUtcNow();
                    var districts = new Dictionary<string, string>(StringComparer.Ordinal);
                    await foreach (var row in tables.UnitsByDistrict.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", nameof(UnitsByDistrictEntity.DistrictId)]))
                    {
                        // Older rows carry no district column: an office listing's partition is then the district (format 1);
                        // a parent's index (children|…) says nothing about it, and a unit only there is confirmed by a read.
                        if (row.GetString(nameof(UnitsByDistrictEntity.DistrictId)) is { Length: > 0 } district)
                        {
                            districts[row.RowKey] = district;
                        }
                        else if (!row.PartitionKey.Contains('|', StringComparison.Ordinal))
                        {
                            districts.TryAdd(row.RowKey, row.PartitionKey);
                        }
                    }

                    var loaded = new Snapshot(districts, started);
                    Volatile.Write(ref _snapshot, loaded);

                    // What writers reported before this load began is in the listing now (or removed from it).
                    foreach (var (unitId, change) in _changes)
                    {
                        if (change.At < started)
                        {
                            _changes.TryRemove(new KeyValuePair<string, Change>(unitId, change));
                        }
                    }

                    return loaded;
                }
                finally
                {
                    lock (_gate)
                    {
                        _loading = null;
                    }
                }
            });
        }
    }

    private sealed record Snapshot(Dictionary<string, string> Districts, DateTimeOffset LoadedAt);

    private sealed record Change(string? DistrictId, DateTimeOffset At);
}
