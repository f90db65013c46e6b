namespace RectifyFlows.Domain.Measures;

/// <summary>Chinese names of measure statuses and colours for reports, exports and the dashboard.</summary>
public static class MeasureNames
{
    public static string Chinese(MeasureStatus status) => status switch
    {
        MeasureStatus.NotStarted => "未启动",
        MeasureStatus.InProgress => "整改中",
        MeasureStatus.EvidenceSubmitted => "已报送成效",
        MeasureStatus.SignedOff => "已销号",
        MeasureStatus.Returned => "已退回",
        _ => status.ToString(),
    };

    public static string Chinese(Colour colour) => colour switch
    {
        Colour.Red => "红",
        Colour.Yellow => "黄",
        Colour.Green => "绿",
        _ => colour.ToString(),
    };
}
