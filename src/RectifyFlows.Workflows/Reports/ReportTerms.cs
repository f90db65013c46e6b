using System.Globalization;
using RectifyFlows.Domain.Actions;
using RectifyFlows.Domain.Attendance;
using RectifyFlows.Domain.Leads;
using RectifyFlows.Domain.Measures;

namespace RectifyFlows.Workflows.Reports;

/// <summary>
/// The one place reports and bulletins turn codes into the Chinese a reader sees: finding kinds and severities,
/// measure statuses, action kinds, lead statuses, attendance sources, and headings built from options (后三名 from
/// BottomCount). No enum or code name reaches a report table.
/// </summary>
public static class ReportTerms
{
    public static string FindingKind(string kind) => kind switch
    {
        "attendance" => "考勤",
        "work" => "工作落实",
        "discipline" => "纪律作风",
        "funds" => "资金管理",
        "project" => "项目推进",
        _ => "其他",
    };

    public static string Severity(string severity) => severity switch
    {
        "high" => "严重",
        "medium" => "较重",
        _ => "一般",
    };

    public static string Measure(MeasureStatus status) => MeasureNames.Chinese(status);

    public static string Action(ActionKind kind) => ActionNames.Chinese(kind);

    public static string Lead(LeadStatus status) => status switch
    {
        LeadStatus.Registered => "登记",
        LeadStatus.Assigned => "已交办",
        LeadStatus.CaseFiled => "立案",
        LeadStatus.Closed => "了结",
        _ => "移送",
    };

    public static string Attendance(AttendanceSource source) => source == AttendanceSource.Team ? "督查组发现" : "乡镇考勤报送";

    /// <summary>后三名, 后五名, 后12名: the bottom N as the report words it.</summary>
    public static string Bottom(int count) => $"后{Number(count)}名";

    /// <summary>一 to 十 as Chinese numerals, larger numbers as digits.</summary>
    public static string Number(int n) => n is >= 1 and <= 10 ? "一二三四五六七八九十"[n - 1].ToString() : n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A period as a reader writes it: 2017年3月, 2017年第14周, 2017年第1季度, 2017年3月中旬.</summary>
    public static string Period(CycleKind kind, string period)
    {
        var (first, _) = CyclePeriods.Range(kind, period) ?? (default, default);
        return kind switch
        {
            CycleKind.Monthly => first.ToString("yyyy年M月", CultureInfo.InvariantCulture),
            CycleKind.Weekly => string.Create(CultureInfo.InvariantCulture, $"{period[..4]}年第{int.Parse(period[6..], CultureInfo.InvariantCulture)}周"),
            CycleKind.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{period[..4]}年第{period[^1]}季度"),
            _ => first.ToString("yyyy年M月", CultureInfo.InvariantCulture) + (first.Day switch { 1 => "上旬", 11 => "中旬", _ => "下旬" }),
        };
    }
}
