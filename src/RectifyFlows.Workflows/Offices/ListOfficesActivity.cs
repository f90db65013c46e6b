using Microsoft.DurableTask;

namespace RectifyFlows.Workflows.Offices;

/// <summary>The offices a period's cycles run for (every office with a plan), with their supervision teams.</summary>
public sealed class ListOfficesActivity(OfficeDirectory offices) : TaskActivity<CycleRun, IReadOnlyList<Office>>
{
    public override async Task<IReadOnlyList<Office>> RunAsync(TaskActivityContext context, CycleRun input) =>
        await offices.ListAsync(CancellationToken.None);
}
