using RectifyFlows.Storage.Plans;

namespace RectifyFlows.Bench.Province;

/// <summary>One import of the whole province: wall time, storage requests, per-district times and outcomes.</summary>
internal sealed record ImportRun(
    string Name,
    TimeSpan Wall,
    int Requests,
    IReadOnlyList<double> DistrictMilliseconds,
    IReadOnlyDictionary<PlanImportOutcome, int> Outcomes,
    int EntitiesWritten,
    int EntitiesRewritten,
    IReadOnlyList<KeyValuePair<string, int>> RequestsByKind,
    TimeSpan BenchCpu,
    TimeSpan? EmulatorCpu);
