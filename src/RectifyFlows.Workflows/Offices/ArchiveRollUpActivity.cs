using RectifyFlows.Storage.Reports;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.Offices;

/// <summary>Archives the period's roll-up across offices (<see cref="RollUpReport"/>) from the offices' archived reports.</summary>
public sealed class ArchiveRollUpActivity(ReportRepository reports, OfficeDirectory directory, TimeProvider time) : WorkflowActivity<RollUpInput, int>
{
    protected override async Task<int> ExecuteAsync(RollUpInput input, CancellationToken ct)
    {
        var kind = ReportKeys.Kind(input.Kind);
        var offices = new List<(Office, ReportDocument)>();
        foreach (var officeId in input.OfficeIds)
        {
            if (await directory.GetAsync(officeId, ct) is { } office && await reports.GetAsync(kind, ReportKeys.Period(input.Period, officeId), ct) is { } json)
            {
                offices.Add((office, ReportRenderer.FromJson(json)));
            }
        }

        if (offices.Count > 0)
        {
            await reports.ArchiveAsync(RollUpReport.Of(input.Kind, input.Period, offices, time.GetUtcNow()), ct);
        }

        return offices.Count;
    }
}
