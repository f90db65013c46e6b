using Microsoft.DurableTask;
using RectifyFlows.Workflows.Common;

namespace RectifyFlows.Workflows.Offices;

/// <summary>Starts each office's cycle of the period under its deterministic id; a retry finds them and starts nothing twice.</summary>
public sealed class StartOfficeCyclesActivity(CycleStarter starter) : TaskActivity<RollUpInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, RollUpInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var created = 0;
        foreach (var officeId in input.OfficeIds)
        {
            created += (await starter.StartOfficeAsync(input.Kind, input.Period, officeId, CancellationToken.None)).Created ? 1 : 0;
        }

        return created;
    }
}
