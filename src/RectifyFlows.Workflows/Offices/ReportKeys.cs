using RectifyFlows.Domain.Periods;

namespace RectifyFlows.Workflows.Offices;

/// <summary>
/// Where reports are archived: an office's report under <c>{kind}|{period}|{officeId}</c>, the roll-up across offices
/// (a province) under <c>{kind}|{period}</c>, where the single report lived before offices existed.
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

    /// <summary>The stored period of an office's report (or of the roll-up, with no office).</summary>
    public static string Period(string period, string? officeId) => officeId is null ? period : $"{period}|{officeId}";
}
