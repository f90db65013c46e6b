namespace RectifyFlows.Workflows.Offices;

/// <summary>Starts each office's cycle of the period under its deterministic id; a retry finds them and starts nothing twice.</summary>
public sealed class StartOfficeCyclesActivity(CycleStarter starter) : WorkflowActivity<RollUpInput, int>
{
    protected override async Task<int> ExecuteAsync(RollUpInput input, CancellationToken ct)
    {
        var created = 0;
        foreach (var officeId in input.OfficeIds)
        {
            created += (await starter.StartOfficeAsync(input.Kind, input.Period, officeId, ct)).Created ? 1 : 0;
        }

        return created;
    }
}
