using System.Globalization;
using Azure;
using Azure.Data.Tables;
using RectifyFlows.Domain.Evaluation;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Storage.Strikes;

/// <summary>
/// A township's quarterly strikes (PK unit id, RK <c>strikes</c>): per quarter its outcome (<c>Q2017Q1</c>) and the
/// consecutive count it produced (<c>N2017Q1</c>), plus the latest quarter applied and its count. A quarter's count
/// builds on the count stored for the quarter just before it, so a quarter that never ran resets the count (a gap);
/// a quarter already applied returns its stored count (a replayed activity counts nothing twice); an older quarter
/// run after a newer one gets its own count from its own past and never changes the newer count.
/// </summary>
public sealed class StrikeRepository(FeatureTables tables)
{
    private const string Row = "strikes";

    /// <summary>Records this quarter's outcome; returns the consecutive count after it and whether it was run late (after a newer quarter).</summary>
    public async Task<StrikeRecord> ApplyAsync(string unitId, string quarter, bool strike, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        while (true)
        {
            var existing = await tables.Strikes.GetEntityIfExistsAsync<TableEntity>(unitId, Row, cancellationToken: cancellationToken);
            var entity = existing.HasValue ? existing.Value! : new TableEntity(unitId, Row);
            var latest = entity.GetString("LastQuarter");
            var late = latest is not null && string.CompareOrdinal(latest, quarter) > 0;
            if (CountOf(entity, quarter) is { } stored)
            {
                return new StrikeRecord(stored, late);
            }

            var previous = CyclePeriods.Previous(CycleKind.Quarterly, quarter);
            var count = StrikeLadder.CountAfter(previous is null ? null : CountOf(entity, previous), strike);
            entity[OutcomeColumn(quarter)] = strike;
            entity[CountColumn(quarter)] = count;
            if (!late)
            {
                entity["LastQuarter"] = quarter;
                entity["Consecutive"] = count;
            }

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

                return new StrikeRecord(count, late);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another writer: read again.
            }
        }
    }

    /// <summary>The count a quarter produced, or null when it never ran. Rows written before counts were kept per quarter fall back to the latest count or the outcome.</summary>
    private static int? CountOf(TableEntity entity, string quarter)
    {
        if (entity.GetInt32(CountColumn(quarter)) is { } count)
        {
            return count;
        }

        if (entity.GetBoolean(OutcomeColumn(quarter)) is not { } strike)
        {
            return null;
        }

        return entity.GetString("LastQuarter") == quarter ? entity.GetInt32("Consecutive") ?? 0 : strike ? 1 : 0;
    }

    private static string OutcomeColumn(string quarter) => "Q" + Compact(quarter);

    private static string CountColumn(string quarter) => "N" + Compact(quarter);

    private static string Compact(string quarter) => quarter.Replace("-", string.Empty, StringComparison.Ordinal).ToUpper(CultureInfo.InvariantCulture);
}
