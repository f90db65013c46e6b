namespace RectifyFlows.Storage.Tables;

/// <summary>
/// What the start-up's storage steps (tables, configured keys) last reported, for the health route: a start-up that
/// could not reach storage (roles not propagated yet, a firewall) keeps the worker alive, retries, and answers 503 with
/// this problem until a retry succeeds. Ready until a start-up step says otherwise, so a host without such a step is
/// judged by the probe alone.
/// </summary>
public sealed class StorageReadiness
{
    private volatile string? _problem;

    /// <summary>Null when the start-up steps succeeded (or none failed); otherwise what failed.</summary>
    public string? Problem => _problem;

    public void ReportFailure(string problem) => _problem = problem;

    public void ReportReady() => _problem = null;
}
