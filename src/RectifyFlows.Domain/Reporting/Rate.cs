using System.Globalization;

namespace RectifyFlows.Domain.Reporting;

/// <summary>
/// A rate of domain rule 9 (completion = completed / total, disbursement = disbursed / allocated) as a percentage,
/// shown with the <see cref="RateFormat"/> it carries (default: truncated to two decimals, as the seed report quotes:
/// 405 / 674 = 60.089…% is printed 60.08%).
/// </summary>
public readonly record struct Rate(decimal Numerator, decimal Denominator, RateFormat? Format = null)
{
    /// <summary>Whether there is anything to divide by; a rate of nothing is "no data", never 0%.</summary>
    public bool HasData => Denominator != 0;

    /// <summary>The exact percentage; 0 when there is nothing to divide by.</summary>
    public decimal ExactPercent => Denominator == 0 ? 0m : Numerator * 100m / Denominator;

    /// <summary>The percentage rounded with the rate's format; 0 when there is nothing to divide by.</summary>
    public decimal Percent => (Format ?? RateFormat.Default).Round(ExactPercent);

    /// <summary>"60.08%" (or "—" when there is nothing to divide by).</summary>
    public override string ToString() => ToString(Format ?? RateFormat.Default);

    /// <summary>The rate printed with another format: the report prints 90.9% with one decimal.</summary>
    public string ToString(RateFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return HasData ? format.Round(ExactPercent).ToString("F" + format.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%" : "—";
    }

    public static Rate Completion(int completed, int total, RateFormat? format = null) => new(completed, total, format);

    public static Rate Disbursement(decimal disbursed, decimal allocated, RateFormat? format = null) => new(disbursed, allocated, format);
}
