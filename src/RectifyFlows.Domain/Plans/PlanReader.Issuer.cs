using RectifyFlows.Domain.Units;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Domain.Plans;

// Who issues the plan and what it answers: the format version, the district, format 2's office and source, and the
// fields a format 1 file may not carry.
public static partial class PlanReader
{
    /// <summary>Checks the version (1 or 2) and, for format 1, that no format 2 field is present; returns whether it is format 2.</summary>
    private static bool ReadFormatVersion(ValidationErrors errors, PlanDocument document)
    {
        if (document.FormatVersion is not (1 or 2))
        {
            errors.Add("formatVersion", $"must be 1 or {SupportedFormatVersion}.");
        }

        var v2 = document.FormatVersion == 2;
        if (!v2)
        {
            RejectFormat2Fields(errors, document);
        }

        return v2;
    }

    /// <summary>
    /// Format 1: the district issues the plan. Format 2: the office (a district or a township) does, and the district
    /// is optional (the office's own id when absent).
    /// </summary>
    private static (string? Id, string? Name) ReadDistrict(ValidationErrors errors, PlanDocument document, bool v2)
    {
        if (!v2)
        {
            errors.Id("districtId", document.DistrictId);
            errors.Required("districtName", document.DistrictName);
            return (document.DistrictId, document.DistrictName);
        }

        if (document.DistrictId is not null)
        {
            errors.Id("districtId", document.DistrictId);
        }

        if (document.Office is null)
        {
            errors.Add("office", "is required in format 2: { \"unitId\": the issuing district or township }.");
        }
        else
        {
            errors.Id("office.unitId", document.Office.UnitId);
        }

        return (document.DistrictId ?? document.Office?.UnitId, document.DistrictName);
    }

    /// <summary>Format 2's <c>source.kind</c>; every format 1 plan (and a format 2 plan without a source) answers an inspection.</summary>
    private static PlanSourceKind ReadSourceKind(ValidationErrors errors, PlanDocument document, bool v2)
    {
        if (!v2 || document.Source is not { } source)
        {
            return PlanSourceKind.Inspection;
        }

        return errors.Enum<PlanSourceKind>("source.kind", source.Kind) ?? PlanSourceKind.Inspection;
    }

    /// <summary>Format 2's issuing office: a district or township listed in units. Format 1: the district.</summary>
    private static (string? Id, string? Name) ReadOffice(ValidationErrors errors, PlanDocument document, Dictionary<string, Unit> units, bool v2)
    {
        if (!v2)
        {
            return (document.DistrictId, document.DistrictName?.Trim());
        }

        if (document.Office?.UnitId is not { } officeId || !Identifiers.IsValid(officeId))
        {
            return (null, null);
        }

        if (!units.TryGetValue(officeId, out var office))
        {
            errors.Add("office.unitId", $"no unit with id '{officeId}' is listed in units (declare it, or list it with \"reference\": true).");
            return (null, null);
        }

        if (office.Kind is not (UnitKind.District or UnitKind.Township))
        {
            errors.Add("office.unitId", $"the issuing office must be a district or a township; '{officeId}' is a {office.Kind}.");
        }

        return (officeId, string.IsNullOrWhiteSpace(document.Office.Name) ? office.Name : document.Office.Name.Trim());
    }

    /// <summary>Fields format 1 does not have: named, so that a file meant as format 2 says what to change.</summary>
    private static void RejectFormat2Fields(ValidationErrors errors, PlanDocument document)
    {
        void Reject(string field, bool present)
        {
            if (present)
            {
                errors.Add(field, "is a format 2 field; set formatVersion to 2.");
            }
        }

        Reject("office", document.Office is not null);
        Reject("source", document.Source is not null);
        Reject("projects", document.Projects is not null);
        for (var i = 0; i < (document.Units?.Count ?? 0); i++)
        {
            Reject($"units[{i}].reference", document.Units![i]?.Reference is not null);
            Reject($"units[{i}].groupOf", document.Units![i]?.GroupOf is not null);
            Reject($"units[{i}].provenance", document.Units![i]?.Provenance is not null);
        }

        foreach (var (category, c) in (document.Categories ?? []).Select((x, i) => (x, i)))
        {
            foreach (var (problem, p) in (category?.Problems ?? []).Select((x, i) => (x, i)))
            {
                foreach (var (measure, m) in (problem?.Measures ?? []).Select((x, i) => (x, i)))
                {
                    Reject($"categories[{c}].problems[{p}].measures[{m}].leadUnitIds", measure?.LeadUnitIds is not null);
                    Reject($"categories[{c}].problems[{p}].measures[{m}].provenance", measure?.Provenance is not null);
                }
            }
        }
    }

    /// <summary>Format 2: the projects the plan registers, each read by <see cref="Projects.ProjectReader"/>.</summary>
    private static List<Projects.Project> ReadProjects(
        ValidationErrors errors, PlanDocument document, Dictionary<string, Unit> units, List<ProvenanceFlag> provenance)
    {
        var projects = new List<Projects.Project>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, i) in (document.Projects ?? []).Select((x, i) => (x, i)))
        {
            var path = $"projects[{i}]";
            var project = Projects.ProjectReader.Read(errors, path, item, unitId => units.TryGetValue(unitId, out var u) ? u.Kind : null);
            if (project is null)
            {
                continue;
            }

            if (!seen.Add(project.Id))
            {
                errors.Add($"{path}.id", $"duplicate project id '{project.Id}'.");
                continue;
            }

            if (project.Provenance is not Provenance.Source)
            {
                provenance.Add(new ProvenanceFlag("project", project.Id, project.Provenance));
            }

            projects.Add(project);
        }

        return projects;
    }
}
