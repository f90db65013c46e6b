using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Units;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Domain.Projects;

/// <summary>
/// Validates one project wherever it comes from (plan file, API, XLSX), naming each bad field under <c>path</c>.
/// Whether its township and village exist is asked of <c>kindOf</c> (the plan's units, or the store).
/// </summary>
public static class ProjectReader
{
    public const int MaxNameLength = 200;
    public const int MaxCategoryLength = 20;

    public static Project? Read(ValidationErrors errors, string path, ProjectDocument? document, Func<string, UnitKind?> kindOf)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(kindOf);
        var prefix = string.IsNullOrEmpty(path) ? string.Empty : path + ".";
        if (document is null)
        {
            errors.Add(string.IsNullOrEmpty(path) ? "$" : path, "must be an object.");
            return null;
        }

        var before = errors.Count;
        errors.Id($"{prefix}id", document.Id);
        errors.Text($"{prefix}name", document.Name?.Trim(), MaxNameLength);
        errors.Text($"{prefix}category", document.Category?.Trim(), MaxCategoryLength);
        Unit(errors, $"{prefix}townshipId", document.TownshipId, UnitKind.Township, kindOf, required: true);
        Unit(errors, $"{prefix}villageId", document.VillageId, UnitKind.Village, kindOf, required: false);
        if (document.Year is not (>= 2000 and <= 2100))
        {
            errors.Add($"{prefix}year", "is required, a year such as 2016.");
        }

        errors.OneOf($"{prefix}fundingLevel", document.FundingLevel, FundingLevels.All);

        if (document.Allocated is not { } allocated || allocated < 0)
        {
            errors.Add($"{prefix}allocated", "is required, in yuan, not negative.");
        }

        var disbursed = document.Disbursed ?? 0m;
        if (disbursed < 0)
        {
            errors.Add($"{prefix}disbursed", "is in yuan and may not be negative.");
        }
        else if (document.Allocated is { } a && disbursed > a)
        {
            errors.Add($"{prefix}disbursed", $"exceeds the allocated {a:0.##} yuan.");
        }

        var status = document.Status ?? ProjectStatuses.NotStarted;
        errors.OneOf($"{prefix}status", status, ProjectStatuses.All);

        var percent = document.Percent ?? (status == ProjectStatuses.Completed ? 100 : 0);
        if (percent is not (>= 0 and <= 100))
        {
            errors.Add($"{prefix}percent", "must be 0–100.");
        }
        else if ((status == ProjectStatuses.Completed && percent != 100) || (status == ProjectStatuses.NotStarted && percent != 0))
        {
            errors.Add($"{prefix}percent", "must be 100 for a completed project and 0 for one not started.");
        }

        var started = errors.Date($"{prefix}startedOn", document.StartedOn, required: false);
        var completed = errors.Date($"{prefix}completedOn", document.CompletedOn, required: false);
        if (started is { } s && completed is { } c && c < s)
        {
            errors.Add($"{prefix}completedOn", "is before startedOn.");
        }

        var provenance = errors.Enum<Provenance>($"{prefix}provenance", document.Provenance, required: false) ?? Provenance.Source;

        if (errors.Count > before)
        {
            return null;
        }

        return new Project
        {
            Id = document.Id!,
            Name = document.Name!.Trim(),
            UnitId = document.TownshipId!,
            VillageId = document.VillageId,
            Category = document.Category!.Trim(),
            Year = document.Year!.Value,
            FundingLevel = document.FundingLevel!,
            Allocated = document.Allocated!.Value,
            Disbursed = disbursed,
            Status = status,
            Percent = percent,
            StartedOn = started,
            CompletedOn = completed,
            Provenance = provenance,
            Synthetic = provenance is Provenance.Synthetic,
        };
    }

    private static void Unit(ValidationErrors errors, string field, string? unitId, UnitKind kind, Func<string, UnitKind?> kindOf, bool required)
    {
        if (unitId is null)
        {
            if (required)
            {
                errors.Add(field, "is required.");
            }

            return;
        }

        var found = Identifiers.IsValid(unitId) ? kindOf(unitId) : null;
        if (found is null)
        {
            errors.Add(field, $"unknown unit '{unitId}'.");
        }
        else if (found != kind)
        {
            errors.Add(field, $"'{unitId}' is a {found}, not a {kind}.");
        }
    }
}
