using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Time;
using RectifyFlows.Domain.Units;

namespace RectifyFlows.Domain.Plans;

/// <summary>
/// Reads a plan file (docs/plan-format.md) into a validated <see cref="Plan"/>, or names every problem it has:
/// broken JSON, missing fields, duplicate ids, references to unknown units or officials, bad dates.
/// </summary>
public static partial class PlanReader
{
    /// <summary>The newest format this reader understands; every older one is still read unchanged.</summary>
    public const int SupportedFormatVersion = 2;

    /// <summary>Who is recorded as submitting the evidence a plan file carries.</summary>
    public const string ImportActor = "plan-import";

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 32,
    };

    /// <summary>Parses and validates UTF-8 JSON.</summary>
    public static PlanReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        PlanDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<PlanDocument>(utf8Json, JsonOptions);
        }
        catch (JsonException ex)
        {
            var errors = new ValidationErrors();
            errors.Add(string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "$" : ex.Path.TrimStart('$', '.'),
                $"is not valid JSON for a plan: {FirstSentence(ex.Message)}");
            return PlanReadResult.Invalid(errors);
        }

        if (document is null)
        {
            var errors = new ValidationErrors();
            errors.Add("$", "the plan must be a JSON object.");
            return PlanReadResult.Invalid(errors);
        }

        return Validate(document);
    }

    /// <summary>Validates an already deserialized document.</summary>
    public static PlanReadResult Validate(PlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new ValidationErrors();

        if (document.FormatVersion is not (1 or 2))
        {
            errors.Add("formatVersion", $"must be 1 or {SupportedFormatVersion}.");
        }

        var v2 = document.FormatVersion == 2;
        if (!v2)
        {
            RejectFormat2Fields(errors, document);
        }

        RequiredId(errors, "planId", document.PlanId);
        errors.Required("title", document.Title);
        var feedbackDate = RequiredDate(errors, "feedbackDate", document.FeedbackDate);
        var provenance = new List<ProvenanceFlag>();

        // Format 1: the district issues the plan. Format 2: the office (a district or a township) does, and the
        // district is optional (the office's own id when absent).
        string? districtId;
        string? districtName;
        if (v2)
        {
            districtId = document.DistrictId ?? document.Office?.UnitId;
            districtName = document.DistrictName;
            if (document.DistrictId is not null)
            {
                RequiredId(errors, "districtId", document.DistrictId);
            }

            if (document.Office is null)
            {
                errors.Add("office", "is required in format 2: { \"unitId\": the issuing district or township }.");
            }
            else
            {
                RequiredId(errors, "office.unitId", document.Office.UnitId);
            }
        }
        else
        {
            districtId = document.DistrictId;
            districtName = document.DistrictName;
            RequiredId(errors, "districtId", document.DistrictId);
            errors.Required("districtName", document.DistrictName);
        }

        var sourceKind = PlanSourceKind.Inspection;
        if (v2 && document.Source is { } source)
        {
            sourceKind = PlanSourceKinds.Parse(source.Kind) ?? Invalid(errors, "source.kind", source.Kind);
        }

        var (units, referenced) = ReadUnits(errors, document, districtId, v2, provenance);
        var (officeId, officeName) = ReadOffice(errors, document, units, v2);
        districtName ??= districtId is not null && units.TryGetValue(districtId, out var districtUnit) ? districtUnit.Name : officeName;
        var officials = ReadOfficials(errors, document, units, provenance);
        var cadres = ReadCadres(errors, document, units);
        var teams = ReadTeams(errors, document, districtId);
        var (categories, problems, measures, evidence) = ReadLedger(errors, document, units, officials, feedbackDate, v2, provenance);
        var projects = new List<Projects.Project>();
        if (v2)
        {
            projects = ReadProjects(errors, document, units, provenance);
        }

        if (errors.HasErrors)
        {
            return PlanReadResult.Invalid(errors);
        }

        return PlanReadResult.Valid(new Plan
        {
            Id = document.PlanId!,
            Title = document.Title!.Trim(),
            DistrictId = districtId!,
            DistrictName = districtName?.Trim() ?? districtId!,
            OfficeId = officeId ?? districtId!,
            OfficeName = officeName ?? districtName?.Trim() ?? districtId!,
            SourceKind = sourceKind,
            SourceIssuer = v2 ? document.Source?.Issuer?.Trim() : null,
            Provenance = provenance,
            Projects = projects,
            ReferencedUnitIds = referenced,
            FeedbackDate = feedbackDate!.Value,
            Assumptions = document.Assumptions ?? [],
            Categories = categories,
            Problems = problems,
            Measures = measures,
            Evidence = evidence,
            Units = [.. units.Values],
            Officials = [.. officials.Values],
            Cadres = cadres,
            SupervisionTeams = teams,
        });
    }

    private static (Dictionary<string, Unit> Units, HashSet<string> Referenced) ReadUnits(
        ValidationErrors errors, PlanDocument document, string? districtId, bool v2, List<ProvenanceFlag> provenance)
    {
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        if (document.Units is not { Count: > 0 })
        {
            errors.Add("units", v2 ? "must list at least the issuing office's unit." : "must list at least the district's own unit.");
            return (units, referenced);
        }

        var parents = new List<(string Path, string ParentId, UnitKind Kind)>();
        for (var i = 0; i < document.Units.Count; i++)
        {
            var path = $"units[{i}]";
            if (document.Units[i] is not { } unit)
            {
                errors.Add(path, "must be an object.");
                continue;
            }

            var idOk = RequiredId(errors, $"{path}.id", unit.Id);
            errors.Required($"{path}.name", unit.Name);
            var kind = RequiredEnum<UnitKind>(errors, $"{path}.kind", unit.Kind);
            var contacts = ReadContacts(errors, $"{path}.contacts", unit.Contacts);
            if (!idOk || kind is null || string.IsNullOrWhiteSpace(unit.Name))
            {
                continue;
            }

            if (units.ContainsKey(unit.Id!))
            {
                errors.Add($"{path}.id", $"duplicate unit id '{unit.Id}'.");
                continue;
            }

            if (unit.ParentId is not null)
            {
                parents.Add(($"{path}.parentId", unit.ParentId, kind.Value));
            }
            else if (kind is UnitKind.Village)
            {
                errors.Add($"{path}.parentId", "a village must name its township.");
            }
            else if (kind is UnitKind.Group)
            {
                errors.Add($"{path}.parentId", "a group must name the unit whose members it stands for (各村支部: the township).");
            }

            UnitKind? groupOf = null;
            if (kind is UnitKind.Group)
            {
                groupOf = RequiredEnum<UnitKind>(errors, $"{path}.groupOf", unit.GroupOf);
                if (groupOf is UnitKind.Group or UnitKind.District)
                {
                    errors.Add($"{path}.groupOf", "must be village, township or department.");
                }
            }
            else if (unit.GroupOf is not null)
            {
                errors.Add($"{path}.groupOf", "is only for units of kind group.");
            }

            if (unit.Reference == true)
            {
                referenced.Add(unit.Id!);
                if (unit.Contacts is { Count: > 0 })
                {
                    errors.Add($"{path}.contacts", "a referenced unit's contacts belong to the plan that declares it; leave them out here.");
                }
            }

            var flag = ReadProvenance(errors, $"{path}.provenance", unit.Provenance, unit.Synthetic == true);
            if (flag is not Provenance.Source)
            {
                provenance.Add(new ProvenanceFlag("unit", unit.Id!, flag));
            }

            units[unit.Id!] = new Unit
            {
                Id = unit.Id!,
                Name = unit.Name!.Trim(),
                Kind = kind.Value,
                DistrictId = districtId ?? string.Empty,
                ParentId = unit.ParentId,
                PoorVillage = unit.PoorVillage ?? false,
                Synthetic = flag is Provenance.Synthetic,
                Contacts = contacts,
                GroupOf = groupOf,
            };
        }

        foreach (var (path, parentId, kind) in parents)
        {
            if (!units.TryGetValue(parentId, out var parent))
            {
                errors.Add(path, $"unknown unit '{parentId}'.");
            }
            else if (kind is UnitKind.Village && parent.Kind is not UnitKind.Township)
            {
                errors.Add(path, $"a village's parent must be a township, '{parentId}' is a {parent.Kind}.");
            }
        }

        if (document.DistrictId is { } declaredDistrict)
        {
            if (!units.TryGetValue(declaredDistrict, out var district))
            {
                errors.Add("districtId", $"no unit with id '{declaredDistrict}' and kind 'district' is listed in units.");
            }
            else if (district.Kind is not UnitKind.District)
            {
                errors.Add("districtId", $"unit '{declaredDistrict}' must have kind 'district'.");
            }
        }

        return (units, referenced);
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

    /// <summary>
    /// An item's provenance: format 2's <c>provenance</c> field, or format 1's <c>synthetic</c>/<c>inferred</c> flag.
    /// </summary>
    private static Provenance ReadProvenance(ValidationErrors errors, string field, string? value, bool legacyFlag)
    {
        if (value is null)
        {
            return legacyFlag ? Provenance.Synthetic : Provenance.Source;
        }

        return RequiredEnum<Provenance>(errors, field, value) ?? Provenance.Source;
    }

    private static PlanSourceKind Invalid(ValidationErrors errors, string field, string? value)
    {
        var allowed = string.Join(", ", Enum.GetNames<PlanSourceKind>().Select(JsonNamingPolicy.CamelCase.ConvertName));
        errors.Add(field, value is null ? $"is required: one of {allowed}." : $"'{value}' is not one of: {allowed}.");
        return PlanSourceKind.Inspection;
    }

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

    private static Dictionary<string, Official> ReadOfficials(
        ValidationErrors errors, PlanDocument document, Dictionary<string, Unit> units, List<ProvenanceFlag> provenance)
    {
        var officials = new Dictionary<string, Official>(StringComparer.Ordinal);
        foreach (var (official, i) in (document.Officials ?? []).Select((o, i) => (o, i)))
        {
            var path = $"officials[{i}]";
            if (official is null)
            {
                errors.Add(path, "must be an object.");
                continue;
            }

            var idOk = RequiredId(errors, $"{path}.id", official.Id);
            var roleOk = errors.Required($"{path}.role", official.Role);
            var unitOk = KnownUnit(errors, $"{path}.unitId", official.UnitId, units, required: true);
            var contact = official.Contact is null ? null : ReadContact(errors, $"{path}.contact", official.Contact);
            var flag = ReadProvenance(errors, $"{path}.provenance", official.Provenance, official.Synthetic == true);
            if (!idOk || !roleOk || !unitOk)
            {
                continue;
            }

            if (!officials.TryAdd(official.Id!, new Official
            {
                Id = official.Id!,
                Role = official.Role!.Trim(),
                Name = official.Name,
                UnitId = official.UnitId!,
                Contact = contact,
                Synthetic = flag is Provenance.Synthetic,
            }))
            {
                errors.Add($"{path}.id", $"duplicate official id '{official.Id}'.");
            }
            else if (flag is not Provenance.Source)
            {
                provenance.Add(new ProvenanceFlag("official", official.Id!, flag));
            }
        }

        return officials;
    }

    private static List<Cadre> ReadCadres(ValidationErrors errors, PlanDocument document, Dictionary<string, Unit> units)
    {
        var cadres = new List<Cadre>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (cadre, i) in (document.Cadres ?? []).Select((c, i) => (c, i)))
        {
            var path = $"cadres[{i}]";
            if (cadre is null)
            {
                errors.Add(path, "must be an object.");
                continue;
            }

            var idOk = RequiredId(errors, $"{path}.id", cadre.Id);
            var nameOk = errors.Required($"{path}.name", cadre.Name);
            var role = RequiredEnum<CadreRole>(errors, $"{path}.role", cadre.Role);
            var unitOk = KnownUnit(errors, $"{path}.unitId", cadre.UnitId, units, required: true);
            if (unitOk && units[cadre.UnitId!].Kind is not UnitKind.Village)
            {
                errors.Add($"{path}.unitId", $"cadres are stationed in villages; '{cadre.UnitId}' is a {units[cadre.UnitId!].Kind}.");
                unitOk = false;
            }

            if (idOk && !seen.Add(cadre.Id!))
            {
                errors.Add($"{path}.id", $"duplicate cadre id '{cadre.Id}'.");
                continue;
            }

            if (idOk && nameOk && role is not null && unitOk)
            {
                cadres.Add(new Cadre
                {
                    Id = cadre.Id!,
                    Name = cadre.Name!.Trim(),
                    Role = role.Value,
                    UnitId = cadre.UnitId!,
                    Synthetic = cadre.Synthetic ?? false,
                });
            }
        }

        return cadres;
    }

    private static List<SupervisionTeam> ReadTeams(ValidationErrors errors, PlanDocument document, string? districtId)
    {
        var teams = new List<SupervisionTeam>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (team, i) in (document.SupervisionTeams ?? []).Select((t, i) => (t, i)))
        {
            var path = $"supervisionTeams[{i}]";
            if (team is null)
            {
                errors.Add(path, "must be an object.");
                continue;
            }

            var idOk = RequiredId(errors, $"{path}.id", team.Id);
            var nameOk = errors.Required($"{path}.name", team.Name);
            var contact = team.Contact is null ? null : ReadContact(errors, $"{path}.contact", team.Contact);
            if (idOk && !seen.Add(team.Id!))
            {
                errors.Add($"{path}.id", $"duplicate team id '{team.Id}'.");
                continue;
            }

            if (idOk && nameOk)
            {
                teams.Add(new SupervisionTeam
                {
                    Id = team.Id!,
                    Name = team.Name!.Trim(),
                    DistrictId = districtId ?? string.Empty,
                    Members = team.Members ?? [],
                    Contact = contact,
                    Synthetic = team.Synthetic ?? false,
                });
            }
        }

        return teams;
    }

    private static (List<Category>, List<Problem>, List<Measure>, List<Evidence>) ReadLedger(
        ValidationErrors errors,
        PlanDocument document,
        Dictionary<string, Unit> units,
        Dictionary<string, Official> officials,
        DateOnly? feedbackDate,
        bool v2,
        List<ProvenanceFlag> provenance)
    {
        List<Category> categories = [];
        List<Problem> problems = [];
        List<Measure> measures = [];
        List<Evidence> evidence = [];
        var categoryIds = new HashSet<string>(StringComparer.Ordinal);
        var problemIds = new HashSet<string>(StringComparer.Ordinal);
        var measureIds = new HashSet<string>(StringComparer.Ordinal);

        if (document.Categories is not { Count: > 0 })
        {
            errors.Add("categories", "must list at least one category.");
            return (categories, problems, measures, evidence);
        }

        for (var c = 0; c < document.Categories.Count; c++)
        {
            var cPath = $"categories[{c}]";
            if (document.Categories[c] is not { } category)
            {
                errors.Add(cPath, "must be an object.");
                continue;
            }

            var categoryOk = RequiredId(errors, $"{cPath}.id", category.Id) & errors.Required($"{cPath}.title", category.Title);
            if (categoryOk && !categoryIds.Add(category.Id!))
            {
                errors.Add($"{cPath}.id", $"duplicate category id '{category.Id}'.");
            }
            else if (categoryOk)
            {
                var flag = ReadProvenance(errors, $"{cPath}.provenance", category.Provenance, false);
                var inferred = category.Inferred == true || flag is Provenance.Assumed;
                categories.Add(new Category(category.Id!, category.Title!.Trim(), inferred));
                if (inferred || flag is not Provenance.Source)
                {
                    provenance.Add(new ProvenanceFlag("category", category.Id!, inferred && flag is Provenance.Source ? Provenance.Assumed : flag));
                }
            }

            if (category.Problems is not { Count: > 0 })
            {
                errors.Add($"{cPath}.problems", "must list at least one problem.");
                continue;
            }

            for (var p = 0; p < category.Problems.Count; p++)
            {
                var pPath = $"{cPath}.problems[{p}]";
                if (category.Problems[p] is not { } problem)
                {
                    errors.Add(pPath, "must be an object.");
                    continue;
                }

                var problemOk = RequiredId(errors, $"{pPath}.id", problem.Id)
                    & errors.Required($"{pPath}.number", problem.Number)
                    & errors.Required($"{pPath}.title", problem.Title)
                    & errors.Required($"{pPath}.finding", problem.Finding);
                if (problemOk && !problemIds.Add(problem.Id!))
                {
                    errors.Add($"{pPath}.id", $"duplicate problem id '{problem.Id}'.");
                    problemOk = false;
                }

                var problemFlag = ReadProvenance(errors, $"{pPath}.provenance", problem.Provenance, false);
                if (problemOk && problemFlag is not Provenance.Source)
                {
                    provenance.Add(new ProvenanceFlag("problem", problem.Id!, problemFlag));
                }

                if (problemOk && categoryOk)
                {
                    problems.Add(new Problem(problem.Id!, category.Id!, problem.Number!.Trim(), problem.Title!.Trim(),
                        problem.Finding!.Trim(), problem.LongTerm ?? false));
                }

                if (problem.Measures is not { Count: > 0 })
                {
                    errors.Add($"{pPath}.measures", "must list at least one measure.");
                    continue;
                }

                for (var m = 0; m < problem.Measures.Count; m++)
                {
                    var mPath = $"{pPath}.measures[{m}]";
                    if (problem.Measures[m] is not { } measure)
                    {
                        errors.Add(mPath, "must be an object.");
                        continue;
                    }

                    var read = ReadMeasure(errors, mPath, measure, units, officials, feedbackDate, v2);
                    if (read is not null)
                    {
                        var flag = ReadProvenance(errors, $"{mPath}.provenance", measure.Provenance, false);
                        if (flag is not Provenance.Source)
                        {
                            provenance.Add(new ProvenanceFlag("measure", read.Id, flag));
                        }
                        else if (measure.DueDateSource is "assumed")
                        {
                            provenance.Add(new ProvenanceFlag("measure.dueDate", read.Id, Provenance.Assumed, measure.DueDateNote));
                        }
                    }

                    if (read is not null && !measureIds.Add(read.Id))
                    {
                        errors.Add($"{mPath}.id", $"duplicate measure id '{read.Id}'.");
                        continue;
                    }

                    if (read is not null && problemOk && categoryOk && feedbackDate is { } start)
                    {
                        measures.Add(read with
                        {
                            PlanId = document.PlanId ?? string.Empty,
                            CategoryId = category.Id!,
                            ProblemId = problem.Id!,
                            StartDate = start,
                        });
                        evidence.AddRange(ReadEvidence(errors, $"{mPath}.evidence", read.Id, measure.Evidence));
                    }
                }
            }
        }

        return (categories, problems, measures, evidence);
    }

    private static Measure? ReadMeasure(
        ValidationErrors errors,
        string path,
        MeasureDocument measure,
        Dictionary<string, Unit> units,
        Dictionary<string, Official> officials,
        DateOnly? feedbackDate,
        bool v2)
    {
        var ok = RequiredId(errors, $"{path}.id", measure.Id);
        if (measure.Number is not > 0)
        {
            errors.Add($"{path}.number", "is required and must be a positive integer.");
            ok = false;
        }

        ok &= errors.Required($"{path}.text", measure.Text);
        var leads = ReadLeadUnits(errors, path, measure, units, v2);
        ok &= leads.Count > 0;
        var responsible = measure.ResponsibleUnitIds ?? [];
        for (var r = 0; r < responsible.Count; r++)
        {
            ok &= KnownUnit(errors, $"{path}.responsibleUnitIds[{r}]", responsible[r], units, required: true);
        }

        // Format 2: a measure whose source names no leading official (a township's plan often does not) has none.
        var officialOptional = v2 && measure.LeadOfficialId is null;
        if (!officialOptional && errors.Required($"{path}.leadOfficialId", measure.LeadOfficialId) && !officials.ContainsKey(measure.LeadOfficialId!))
        {
            errors.Add($"{path}.leadOfficialId", $"unknown official '{measure.LeadOfficialId}'.");
            ok = false;
        }

        var kind = RequiredEnum<MeasureKind>(errors, $"{path}.kind", measure.Kind);
        var due = RequiredDate(errors, $"{path}.dueDate", measure.DueDate);
        if (due is { } d && feedbackDate is { } f && d < f)
        {
            errors.Add($"{path}.dueDate", $"{d:yyyy-MM-dd} is before the feedback date {f:yyyy-MM-dd}.");
            ok = false;
        }

        if (measure.ReviewEveryMonths is { } months && (months < 1 || months > 24))
        {
            errors.Add($"{path}.reviewEveryMonths", "must be between 1 and 24.");
            ok = false;
        }

        if (!ok || kind is null || due is null)
        {
            return null;
        }

        return new Measure
        {
            Id = measure.Id!,
            PlanId = string.Empty,
            CategoryId = string.Empty,
            ProblemId = string.Empty,
            Number = measure.Number!.Value,
            Text = measure.Text!.Trim(),
            Kind = kind.Value,
            LeadOfficialId = measure.LeadOfficialId ?? string.Empty,
            LeadUnitId = leads[0],
            LeadUnitIds = leads,
            ResponsibleUnitIds = [.. responsible.Distinct(StringComparer.Ordinal)],
            StartDate = feedbackDate ?? due.Value,
            DueDate = due.Value,
            ReviewEveryMonths = kind is MeasureKind.LongTerm ? measure.ReviewEveryMonths ?? 3 : null,
        };
    }

    private static List<Evidence> ReadEvidence(ValidationErrors errors, string path, string measureId, List<EvidenceDocument?>? items)
    {
        var evidence = new List<Evidence>();
        foreach (var (item, i) in (items ?? []).Select((e, i) => (e, i)))
        {
            var ePath = $"{path}[{i}]";
            if (item is null)
            {
                errors.Add(ePath, "must be an object.");
                continue;
            }

            var textOk = errors.Required($"{ePath}.text", item.Text);
            var date = RequiredDate(errors, $"{ePath}.effectiveDate", item.EffectiveDate);
            var attachments = new List<Attachment>();
            foreach (var (attachment, a) in (item.Attachments ?? []).Select((x, a) => (x, a)))
            {
                var aPath = $"{ePath}.attachments[{a}]";
                if (attachment is null
                    || !errors.Required($"{aPath}.name", attachment.Name)
                    || !errors.Required($"{aPath}.url", attachment.Url))
                {
                    continue;
                }

                attachments.Add(new Attachment(attachment.Name!, attachment.Url!));
            }

            if (textOk && date is { } effective)
            {
                evidence.Add(new Evidence
                {
                    MeasureId = measureId,
                    Text = item.Text!.Trim(),
                    EffectiveDate = effective,
                    Attachments = attachments,
                    SubmittedBy = ImportActor,
                    // Deterministic, so that importing the same file twice yields the same ledger.
                    SubmittedAt = new DateTimeOffset(effective.ToDateTime(new TimeOnly(9, 0)), ChinaTime.Zone.BaseUtcOffset),
                });
            }
        }

        return evidence;
    }

    /// <summary>Reads a unit's contact list outside a plan (the unit PUT), with the plan file's rules and field paths.</summary>
    public static IReadOnlyList<Contact> ReadContactList(ValidationErrors errors, string path, List<ContactDocument?>? contacts)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return ReadContacts(errors, path, contacts);
    }

    private static List<Contact> ReadContacts(ValidationErrors errors, string path, List<ContactDocument?>? contacts)
    {
        var result = new List<Contact>();
        foreach (var (contact, i) in (contacts ?? []).Select((c, i) => (c, i)))
        {
            if (contact is null)
            {
                errors.Add($"{path}[{i}]", "must be an object.");
                continue;
            }

            result.Add(ReadContact(errors, $"{path}[{i}]", contact));
        }

        return result;
    }

    private static Contact ReadContact(ValidationErrors errors, string path, ContactDocument contact)
    {
        // Contacts are stored as one JSON property of the unit's row (at most 64 KB): every field has a bound.
        foreach (var (field, value, max) in new[]
        {
            ("name", contact.Name, 100), ("title", contact.Title, 100), ("email", contact.Email, 254), ("mobile", contact.Mobile, 20),
            ("weComRobotKey", contact.WeComRobotKey, 200), ("dingTalkRobotToken", contact.DingTalkRobotToken, 200),
        })
        {
            if (value is { Length: var length } && length > max)
            {
                errors.Add($"{path}.{field}", $"is {length} characters long; at most {max} are allowed.");
            }
        }

        if (contact.Email is not null && !EmailPattern().IsMatch(contact.Email))
        {
            errors.Add($"{path}.email", "is not an email address.");
        }

        if (contact.Mobile is not null && !MobilePattern().IsMatch(contact.Mobile))
        {
            errors.Add($"{path}.mobile", "must be an 11-digit mainland mobile number, optionally with +86.");
        }

        for (var i = 0; i < (contact.Channels?.Count ?? 0); i++)
        {
            if (!ContactChannels.All.Contains(contact.Channels![i]))
            {
                errors.Add($"{path}.channels[{i}]", $"must be one of {string.Join(", ", ContactChannels.All)}.");
            }
        }

        return new Contact
        {
            Name = contact.Name,
            Title = contact.Title,
            Email = contact.Email,
            Mobile = contact.Mobile,
            WeComRobotKey = contact.WeComRobotKey,
            DingTalkRobotToken = contact.DingTalkRobotToken,
            Channels = contact.Channels is { Count: > 0 } channels ? [.. channels.Distinct(StringComparer.Ordinal)] : null,
            Synthetic = contact.Synthetic ?? false,
        };
    }

    private static bool RequiredId(ValidationErrors errors, string field, string? value)
    {
        if (!errors.Required(field, value))
        {
            return false;
        }

        if (!Identifiers.IsValid(value))
        {
            errors.Add(field, $"'{value}' is not a valid id: use lowercase letters, digits and '-', at most {Identifiers.MaxLength} characters.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// <c>leadUnitId</c> (one) or, in format 2, <c>leadUnitIds</c> (several, the first addressed first). A group
    /// cannot lead: a lead unit is one accountable unit.
    /// </summary>
    private static List<string> ReadLeadUnits(ValidationErrors errors, string path, MeasureDocument measure, Dictionary<string, Unit> units, bool v2)
    {
        if (v2 && measure.LeadUnitIds is not null)
        {
            if (measure.LeadUnitId is not null)
            {
                errors.Add($"{path}.leadUnitIds", "give leadUnitId (one) or leadUnitIds (several), not both.");
                return [];
            }

            if (measure.LeadUnitIds.Count == 0)
            {
                errors.Add($"{path}.leadUnitIds", "must list at least one unit.");
                return [];
            }

            var ok = true;
            for (var i = 0; i < measure.LeadUnitIds.Count; i++)
            {
                ok &= LeadUnit(errors, $"{path}.leadUnitIds[{i}]", measure.LeadUnitIds[i], units);
            }

            return ok ? [.. measure.LeadUnitIds.Distinct(StringComparer.Ordinal)] : [];
        }

        return LeadUnit(errors, $"{path}.leadUnitId", measure.LeadUnitId, units) ? [measure.LeadUnitId!] : [];
    }

    private static bool LeadUnit(ValidationErrors errors, string field, string? unitId, Dictionary<string, Unit> units)
    {
        if (!KnownUnit(errors, field, unitId, units, required: true))
        {
            return false;
        }

        if (units[unitId!].Kind is UnitKind.Group)
        {
            errors.Add(field, $"'{unitId}' is a group; a lead unit must be one unit (name the group as a responsible unit).");
            return false;
        }

        return true;
    }

    private static bool KnownUnit(ValidationErrors errors, string field, string? unitId, Dictionary<string, Unit> units, bool required)
    {
        if (unitId is null)
        {
            if (required)
            {
                errors.Add(field, "is required.");
            }

            return !required;
        }

        if (!units.ContainsKey(unitId))
        {
            errors.Add(field, $"unknown unit '{unitId}'.");
            return false;
        }

        return true;
    }

    private static DateOnly? RequiredDate(ValidationErrors errors, string field, string? value)
    {
        if (!errors.Required(field, value))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, $"'{value}' is not a date in the form yyyy-MM-dd.");
            return null;
        }

        return date;
    }

    private static TEnum? RequiredEnum<TEnum>(ValidationErrors errors, string field, string? value)
        where TEnum : struct, Enum
    {
        if (!errors.Required(field, value))
        {
            return null;
        }

        // Names only: Enum.TryParse would also accept "2" or "1,2".
        var match = Enum.GetNames<TEnum>().FirstOrDefault(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName));
            errors.Add(field, $"'{value}' is not one of: {allowed}.");
            return null;
        }

        return Enum.Parse<TEnum>(match);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(\+86)?1[0-9]{10}\z", RegexOptions.CultureInvariant)]
    private static partial Regex MobilePattern();
}
