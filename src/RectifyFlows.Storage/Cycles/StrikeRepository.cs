using Azure;
using Azure.Data.Tables;

namespace RectifyFlows.Storage.Cycles;

/// <summary>
/// A township's consecutive quarterly strikes (PK unit id, RK <c>strikes</c>). Applying a quarter is idempotent: the
/// row remembers the last quarter applied, so a replayed activity returns the stored count instead of counting twice.
/// </summary>
public sealed class StrikeRepository(CycleTables tables)
{
    private const string Row = "strikes";

    /// <summary>Records this quarter's outcome and returns the consecutive count after it.</summary>
    public async Task<int> ApplyAsync(string unitId, string quarter, bool strike, CancellationToken cancellationToken)
    {
        while (true)
        {
            var existing = await tables.Strikes.GetEntityIfExistsAsync<TableEntity>(unitId, Row, cancellationToken: cancellationToken);
            var entity = existing.HasValue ? existing.Value! : new TableEntity(unitId, Row);
            var applied = entity.GetString("LastQuarter");
            var consecutive = entity.GetInt32("Consecutive") ?? 0;
            if (applied == quarter)
            {
                return consecutive;
            }

            // Quarters are evaluated in order; an older quarter arriving late does not rewrite history.
            if (applied is not null && string.CompareOrdinal(applied, quarter) > 0)
            {
                return consecutive;
            }

            var next = strike ? consecutive + 1 : 0;
            entity["LastQuarter"] = quarter;
            entity["Consecutive"] = next;
            entity[$"Q{quarter.Replace("-", string.Empty, StringComparison.Ordinal)}"] = strike;
            try
            {
                if (existing.HasValue)
                {
                    await tables.Strikes.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await tables.Strikes.AddEntityAsync(entity, cancellationToken);
                }

                return next;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer: read again.
            }
        }
    }
}
