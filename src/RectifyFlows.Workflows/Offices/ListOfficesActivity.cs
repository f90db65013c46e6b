namespace RectifyFlows.Workflows.Offices;

/// <summary>The offices a period's cycles run for (every office with a plan), with their supervision teams.</summary>
public sealed class ListOfficesActivity(OfficeDirectory offices) : WorkflowActivity<CycleRun, IReadOnlyList<Office>>
{
    protected override async Task<IReadOnlyList<Office>> ExecuteAsync(CycleRun input, CancellationToken ct) =>
        await offices.ListAsync(ct);
}
