using RectifyFlows.Domain.Periods;

namespace RectifyFlows.Workflows.Offices;

/// <summary>
/// Where reports are archived: an office's report under <c>{kind}|{period}|{officeId}</c>, the roll-up across offices
/// (a province) under <c>{kind}|{period}</c>, where the single report lived before offices existed.
/// </summary>
public static class ReportKeys
{
    /// <summary>The stored kind: monthly, weekly, quarterly, ten-day.</summary>
    public static string Kind(CycleKind kind) => kind == CycleKind.TenDay ? "ten-day" : CyclePeriods.Slug(kind);

    /// <summary>The stored period of an office's report (or of the roll-up, with no office).</summary>
    public static string Period(string period, string? officeId) => officeId is null ? period : $"{period}|{officeId}";
}
