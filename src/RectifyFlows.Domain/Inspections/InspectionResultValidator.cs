using RectifyFlows.Domain.Periods;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Webhooks;

namespace RectifyFlows.Domain.Inspections;

/// <summary>Validates an inspection result as sent by a supervision team (api.md), naming every invalid field.</summary>
public static class InspectionResultValidator
{
    /// <summary>The result, or every problem keyed by field. <paramref name="unitExists"/> is looked up by the caller.</summary>
    public static (InspectionResult? Result, ValidationErrors Errors) Validate(InspectionResultRequest request, bool unitExists, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        WebhookEventIds.Check(errors, request.EventId);

        if (!CyclePeriods.TryParseMonth(request.Month, out _))
        {
            errors.Add("month", "is required in the form yyyy-MM.");
        }

        if (!Identifiers.IsValid(request.TeamId))
        {
            errors.Add("teamId", "is required and must be a valid id.");
        }

        if (!Identifiers.IsValid(request.UnitId))
        {
            errors.Add("unitId", "is required and must be a valid id.");
        }
        else if (!unitExists)
        {
            errors.Add("unitId", $"unknown unit '{request.UnitId}'.");
        }

        if (request.InspectedAt is null)
        {
            errors.Add("inspectedAt", "is required (ISO 8601 with offset).");
        }

        var findings = new List<Finding>();
        if (request.Findings is not { } list)
        {
            errors.Add("findings", "is required (an empty list when nothing was found).");
        }
        else if (list.Count > 500)
        {
            errors.Add("findings", "at most 500 findings per result.");
        }
        else
        {
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"findings[{i}]";
                if (list[i] is not { } f)
                {
                    errors.Add(path, "must be an object.");
                    continue;
                }

                var ok = true;
                if (f.Kind is null || !Finding.Kinds.Contains(f.Kind))
                {
                    errors.Add($"{path}.kind", $"must be one of: {string.Join(", ", Finding.Kinds)}.");
                    ok = false;
                }

                if (f.Severity is null || !Finding.Severities.Contains(f.Severity))
                {
                    errors.Add($"{path}.severity", "must be low, medium or high.");
                    ok = false;
                }

                ok &= errors.Required($"{path}.subject", f.Subject) & errors.Required($"{path}.detail", f.Detail);
                if ((f.Subject?.Length ?? 0) > 500 || (f.Detail?.Length ?? 0) > 4000)
                {
                    errors.Add($"{path}.detail", "subject at most 500 and detail at most 4000 characters.");
                    ok = false;
                }

                if (f.PersonId is not null && !Identifiers.IsValid(f.PersonId))
                {
                    errors.Add($"{path}.personId", "must be a valid id.");
                    ok = false;
                }

                if (f.Kind == "attendance" && f.DaysOnSite is not (>= 0 and <= 31))
                {
                    errors.Add($"{path}.daysOnSite", "is required for attendance findings, 0–31.");
                    ok = false;
                }

                if (ok)
                {
                    findings.Add(new Finding
                    {
                        Kind = f.Kind!, Severity = f.Severity!, PersonId = f.PersonId, Subject = f.Subject!.Trim(), Detail = f.Detail!.Trim(),
                        DaysOnSite = f.DaysOnSite,
                    });
                }
            }
        }

        if (errors.HasErrors)
        {
            return (null, errors);
        }

        return (new InspectionResult
        {
            EventId = request.EventId!, Month = request.Month!, TeamId = request.TeamId!, UnitId = request.UnitId!,
            InspectedAt = request.InspectedAt!.Value, ReceivedAt = receivedAt, Findings = findings,
        }, errors);
    }
}
