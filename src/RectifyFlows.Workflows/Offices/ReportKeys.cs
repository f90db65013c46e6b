using RectifyFlows.Storage.Reports;

namespace RectifyFlows.Workflows.Offices;

/// <summary>
/// The report kinds the cycles archive under, and their stored periods (<see cref="ReportLocator"/> spells the keys).
/// </summary>
public static class ReportKeys
{
    public const string Monthly = "monthly";
    public const string Weekly = "weekly";
    public const string Quarterly = "quarterly";

    /// <summary>The ten-day report's kind, spelled with a hyphen unlike its instance ids (<c>tenday-…</c>).</summary>
    public const string TenDay = "ten-day";

    /// <summary>The stored kind: monthly, weekly, quarterly, ten-day.</summary>
    public static string Kind(CycleKind kind) => kind switch
    {
        CycleKind.Monthly => Monthly,
        CycleKind.Weekly => Weekly,
        CycleKind.Quarterly => Quarterly,
        CycleKind.TenDay => TenDay,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a cycle kind"),
    };

    /// <summary>The stored period of an office's report (or of the roll-up, with no office): <see cref="ReportLocator.Period"/>.</summary>
    public static string Period(string period, string? officeId) => ReportLocator.Period(period, officeId);
}
