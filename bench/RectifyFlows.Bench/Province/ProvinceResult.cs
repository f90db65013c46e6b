using RectifyFlows.Bench.Measurement;

namespace RectifyFlows.Bench.Province;

/// <summary>Everything the province scenario measured, ready to be rendered as a table.</summary>
internal sealed record ProvinceResult(
    BenchOptions Options,
    DateTimeOffset StartedAt,
    string Machine,
    string Storage,
    TimeSpan GenerateTime,
    ProvinceCounts Counts,
    ImportRun FirstImport,
    ImportRun Reimport,
    IReadOnlyDictionary<string, int> EntitiesByTable,
    IReadOnlyList<QueryStats> Queries,
    IReadOnlyList<Check> Checks,
    TimeSpan Total);
