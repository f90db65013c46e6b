namespace RectifyFlows.Bench.Province;

/// <summary>A property the run expects of the storage code (e.g. "a unit query is one request"); a failed one fails the run.</summary>
internal sealed record Check(string Name, bool Passed, string Observed);
