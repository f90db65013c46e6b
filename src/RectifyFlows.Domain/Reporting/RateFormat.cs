using System.Globalization;

namespace RectifyFlows.Domain.Reporting;

/// <summary>How a percentage is cut to its printed decimals.</summary>
public enum RateRounding
{
    /// <summary>截尾: drop the digits beyond the decimals (60.089…% → 60.08%): what the seed report does.</summary>
    Truncate,

    /// <summary>四舍五入: to nearest, a half away from zero (60.085% → 60.09%).</summary>
    HalfAwayFromZero,

    /// <summary>银行家舍入: to nearest, a half to the even digit.</summary>
    HalfToEven,
}

/// <summary>
/// Rounding mode and number of decimals of every rate a report prints (configuration <c>RectifyFlows:Reporting:Rates</c>), with the
/// Chinese sentence a report uses to state it.
/// </summary>
public sealed record RateFormat
{
    public const string Section = "RectifyFlows:Reporting:Rates";

    public RateRounding Rounding { get; init; } = RateRounding.Truncate;

    /// <summary>Decimals printed, 0–4.</summary>
    public int Decimals { get; init; } = 2;

    /// <summary>Truncated to two decimals, as the seed report quotes.</summary>
    public static RateFormat Default { get; } = new();

    public decimal Round(decimal percent)
    {
        var decimals = Math.Clamp(Decimals, 0, 4);
        return Rounding switch
        {
            RateRounding.HalfAwayFromZero => Math.Round(percent, decimals, MidpointRounding.AwayFromZero),
            RateRounding.HalfToEven => Math.Round(percent, decimals, MidpointRounding.ToEven),
            _ => Math.Round(percent, decimals, MidpointRounding.ToZero),
        };
    }

    /// <summary>"百分比按截尾法保留2位小数".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"百分比按{Rounding switch
    {
        RateRounding.HalfAwayFromZero => "四舍五入",
        RateRounding.HalfToEven => "银行家舍入法",
        _ => "截尾法（不进位）",
    }}保留{Math.Clamp(Decimals, 0, 4)}位小数");
}
