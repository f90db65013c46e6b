namespace RectifyFlows.Bench.Province;

/// <summary>What the generated province holds, counted from the validated plans.</summary>
internal sealed record ProvinceCounts(
    int Districts,
    int Departments,
    int Townships,
    int Villages,
    int Units,
    int Officials,
    int Cadres,
    int Measures,
    int Problems);
