using RectifyFlows.Domain.Validation;
using RectifyFlows.Domain.Webhooks;

namespace RectifyFlows.Domain.Inspections;

/// <summary>Validates an inspection result as sent by a supervision team (api.md), naming every invalid field.</summary>
public static class InspectionResultValidator
{
    /// <summary>The result, or every problem keyed by field. <paramref name="unitExists"/> is looked up by the caller.</summary>
    public static (InspectionResult? Result, ValidationErrors Errors) Validate(InspectionResultRequest request, bool unitExists, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = WebhookEventIds.NewErrors(request.EventId);

        errors.Month("month", request.Month);
        errors.Id("teamId", request.TeamId);
        if (errors.Id("unitId", request.UnitId) && !unitExists)
        {
            errors.Add("unitId", $"unknown unit '{request.UnitId}'.");
        }

        errors.Instant("inspectedAt", request.InspectedAt);

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

                var ok = errors.OneOf($"{path}.kind", f.Kind, Finding.Kinds) is not null
                    & errors.OneOf($"{path}.severity", f.Severity, Finding.Severities) is not null
                    & errors.Text($"{path}.subject", f.Subject, max: 500)
                    & errors.Text($"{path}.detail", f.Detail, max: 4000)
                    & errors.Id($"{path}.personId", f.PersonId, required: false);

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
