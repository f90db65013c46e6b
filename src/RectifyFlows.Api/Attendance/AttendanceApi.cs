using Microsoft.AspNetCore.Http;
using RectifyFlows.Api.Http;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Storage.Attendance;
using RectifyFlows.Workflows.MonthlyCycle;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Api.Attendance;

/// <summary>
/// <c>GET /api/attendance?month=&amp;unitId=&amp;breaches=</c>: a month's attendance records (rule 7), all or only the
/// breaches, optionally of one unit — what a unit's page lists. A unit key sees its own unit only. A breach is judged
/// against the configured minimum (<c>RectifyFlows:Workflows:MinimumDaysOnSite</c>), as the monthly cycle judges it.
/// </summary>
public sealed class AttendanceApi(AttendanceRepository attendance, MonthlyAttendance rule)
{
    public async Task<IResult> ListAsync(string? month, string? unitId, string? breaches, string? ownUnitId, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!CyclePeriods.TryParseMonth(month, out _))
        {
            errors.Add("month", "is required in the form yyyy-MM.");
        }

        if (unitId is not null && !Identifiers.IsValid(unitId))
        {
            errors.Add("unitId", "is not a valid id.");
        }

        if (breaches is not (null or "true" or "false"))
        {
            errors.Add("breaches", "must be true or false.");
        }

        if (ownUnitId is not null && unitId is not null && unitId != ownUnitId)
        {
            return Problems.Forbidden($"This key belongs to unit '{ownUnitId}'.");
        }

        if (errors.HasErrors)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        // The month's partition, filtered here: the stored status was judged against the report's 20 days at intake.
        var minimum = rule.MinimumDaysOnSite;
        var records = await attendance.ListAsync(month!, breachesOnly: false, unitId ?? ownUnitId, cancellationToken);
        var items = records.Where(r => breaches != "true" || r.DaysOnSite < minimum)
            .OrderBy(r => r.UnitId, StringComparer.Ordinal).ThenBy(r => r.PersonId, StringComparer.Ordinal)
            .Select(r => new { r.Month, r.PersonId, r.UnitId, r.Role, r.DaysOnSite, breach = r.DaysOnSite < minimum, r.ReceivedAt })
            .ToList();
        return TypedResults.Ok(new { count = items.Count, items });
    }
}
