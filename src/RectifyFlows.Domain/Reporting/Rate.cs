using System.Globalization;

namespace RectifyFlows.Domain.Reporting;

/// <summary>
/// A rate of domain rule 9 (completion = completed / total, disbursement = disbursed / allocated), as a percentage
/// quoted with two decimals, rounded half away from zero like the report's figures (19,523,500 / 20,000,000 = 97.62%).
/// </summary>
public readonly record struct Rate(decimal Numerator, decimal Denominator)
{
    /// <summary>The percentage with two decimals; 0 when there is nothing to divide by.</summary>
    public decimal Percent => Denominator == 0 ? 0m : Math.Round(Numerator * 100m / Denominator, 2, MidpointRounding.AwayFromZero);

    /// <summary>"97.62%".</summary>
    public override string ToString() => Percent.ToString("0.00", CultureInfo.InvariantCulture) + "%";

    public static Rate Completion(int completed, int total) => new(completed, total);

    public static Rate Disbursement(decimal disbursed, decimal allocated) => new(disbursed, allocated);
}
