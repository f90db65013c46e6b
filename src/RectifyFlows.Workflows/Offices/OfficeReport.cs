using RectifyFlows.Workflows.Reports;

namespace RectifyFlows.Workflows.Offices;

/// <summary>The header every office's report of a period carries; each cycle adds its own figures, tables and charts.</summary>
public static class OfficeReport
{
    /// <summary>
    /// A report of <paramref name="kind"/> stored under the office and period of <paramref name="input"/>, printed under
    /// the office's issuer (红头; none when the office has no plan left).
    /// </summary>
    public static ReportDocument Headed(string kind, OfficePeriod input, Office? office, string title, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new()
        {
            Kind = kind,
            Period = input.Period,
            Office = input.OfficeId,
            Issuer = office?.Issuer,
            Title = title,
            GeneratedAt = generatedAt,
        };
    }
}
