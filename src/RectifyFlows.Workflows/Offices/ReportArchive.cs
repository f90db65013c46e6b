using RectifyFlows.Storage.Reports;
using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.Offices;

/// <summary>Archives a cycle's report document as JSON, under its kind and its stored period (<see cref="ReportKeys.Period"/>).</summary>
public static class ReportArchive
{
    /// <summary>Saves <paramref name="report"/> where the API and the roll-up read it; a rerun replaces it.</summary>
    public static Task ArchiveAsync(this ReportRepository reports, ReportDocument report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(report);
        return reports.SaveAsync(report.Kind, ReportKeys.Period(report.Period, report.Office), ReportRenderer.Json(report), cancellationToken);
    }
}
