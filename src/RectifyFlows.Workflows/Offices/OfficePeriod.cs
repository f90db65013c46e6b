namespace RectifyFlows.Workflows.Offices;

/// <summary>One office's cycle of one period: the input of the per-office orchestrators and their activities.</summary>
public sealed record OfficePeriod(string OfficeId, string Period)
{
    /// <summary>The office cycle's instance id, which is also the <c>source</c> of the actions it opens.</summary>
    public string InstanceId(CycleKind kind) => CyclePeriods.InstanceId(kind, Period, OfficeId);
}

/// <summary>A period of a cycle across every office: the input of <see cref="OfficeCyclesOrchestrator"/>.</summary>
public sealed record CycleRun(CycleKind Kind, string Period);

/// <summary>What the roll-up needs: the period and the offices whose reports it sums up.</summary>
public sealed record RollUpInput(CycleKind Kind, string Period, IReadOnlyList<string> OfficeIds);
