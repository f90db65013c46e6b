namespace RectifyFlows.Bench.Measurement;

/// <summary>The summary of one query's samples, as one row of the report.</summary>
internal sealed record QueryStats(
    string Name,
    int Samples,
    double P50Milliseconds,
    double P95Milliseconds,
    double MaxMilliseconds,
    double MeanRows,
    double MeanRequests,
    int MinRequests,
    int MaxRequests);
