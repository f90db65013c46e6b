using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Time;
using RectifyFlows.Domain.Units;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Domain.Plans;

// The ledger a plan carries: categories, their problems, each problem's measures and each measure's evidence.
public static partial class PlanReader
{
    /// <summary>
    /// The ledger as it is read, level by level: what each level needs from the plan (units, officials, the feedback
    /// date) and the ids seen so far, so that a duplicate anywhere in the file is named.
    /// </summary>
    private sealed class LedgerReading(
        ValidationErrors errors,
        string planId,
        Dictionary<string, Unit> units,
        Dictionary<string, Official> officials,
        DateOnly? feedbackDate,
        bool v2,
        List<ProvenanceFlag> provenance)
    {
        private readonly HashSet<string> _categoryIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _problemIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _measureIds = new(StringComparer.Ordinal);

        public List<Category> Categories { get; } = [];
        public List<Problem> Problems { get; } = [];
        public List<Measure> Measures { get; } = [];
        public List<Evidence> Evidence { get; } = [];

        public void Read(List<CategoryDocument?>? categories)
        {
            if (categories is not { Count: > 0 })
            {
                errors.Add("categories", "must list at least one category.");
                return;
            }

            foreach (var (category, path) in Entries(errors, "categories", categories))
            {
                ReadCategory(path, category);
            }
        }

        private void ReadCategory(string path, CategoryDocument category)
        {
            var categoryOk = errors.Id($"{path}.id", category.Id) & errors.Required($"{path}.title", category.Title);
            if (categoryOk && !_categoryIds.Add(category.Id!))
            {
                errors.Add($"{path}.id", $"duplicate category id '{category.Id}'.");
            }
            else if (categoryOk)
            {
                var flag = ReadProvenance(errors, $"{path}.provenance", category.Provenance, false);
                var inferred = category.Inferred == true || flag is Provenance.Assumed;
                Categories.Add(new Category(category.Id!, category.Title!.Trim(), inferred));
                if (inferred || flag is not Provenance.Source)
                {
                    provenance.Add(new ProvenanceFlag("category", category.Id!, inferred && flag is Provenance.Source ? Provenance.Assumed : flag));
                }
            }

            if (category.Problems is not { Count: > 0 })
            {
                errors.Add($"{path}.problems", "must list at least one problem.");
                return;
            }

            foreach (var (problem, problemPath) in Entries(errors, $"{path}.problems", category.Problems))
            {
                ReadProblem(problemPath, problem, category, categoryOk);
            }
        }

        private void ReadProblem(string path, ProblemDocument problem, CategoryDocument category, bool categoryOk)
        {
            var problemOk = errors.Id($"{path}.id", problem.Id)
                & errors.Required($"{path}.number", problem.Number)
                & errors.Required($"{path}.title", problem.Title)
                & errors.Required($"{path}.finding", problem.Finding);
            if (problemOk && !_problemIds.Add(problem.Id!))
            {
                errors.Add($"{path}.id", $"duplicate problem id '{problem.Id}'.");
                problemOk = false;
            }

            var flag = ReadProvenance(errors, $"{path}.provenance", problem.Provenance, false);
            if (problemOk && flag is not Provenance.Source)
            {
                provenance.Add(new ProvenanceFlag("problem", problem.Id!, flag));
            }

            if (problemOk && categoryOk)
            {
                Problems.Add(new Problem(problem.Id!, category.Id!, problem.Number!.Trim(), problem.Title!.Trim(),
                    problem.Finding!.Trim(), problem.LongTerm ?? false));
            }

            if (problem.Measures is not { Count: > 0 })
            {
                errors.Add($"{path}.measures", "must list at least one measure.");
                return;
            }

            foreach (var (measure, measurePath) in Entries(errors, $"{path}.measures", problem.Measures))
            {
                // A measure of a bad problem or category is still checked, but not listed: it would have no parent.
                ReadMeasureItem(measurePath, measure, category, problem, problemOk && categoryOk);
            }
        }

        private void ReadMeasureItem(string path, MeasureDocument measure, CategoryDocument category, ProblemDocument problem, bool parentsOk)
        {
            var read = ReadMeasure(errors, path, measure, units, officials, feedbackDate, v2);
            if (read is null)
            {
                return;
            }

            var flag = ReadProvenance(errors, $"{path}.provenance", measure.Provenance, false);
            if (flag is not Provenance.Source)
            {
                provenance.Add(new ProvenanceFlag("measure", read.Id, flag));
            }
            else if (measure.DueDateSource is "assumed")
            {
                provenance.Add(new ProvenanceFlag("measure.dueDate", read.Id, Provenance.Assumed, measure.DueDateNote));
            }

            if (!_measureIds.Add(read.Id))
            {
                errors.Add($"{path}.id", $"duplicate measure id '{read.Id}'.");
                return;
            }

            if (parentsOk && feedbackDate is { } start)
            {
                Measures.Add(read with { PlanId = planId, CategoryId = category.Id!, ProblemId = problem.Id!, StartDate = start });
                Evidence.AddRange(ReadEvidence(errors, $"{path}.evidence", read.Id, measure.Evidence));
            }
        }
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
        var ok = errors.Id($"{path}.id", measure.Id);
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

        var kind = errors.Enum<MeasureKind>($"{path}.kind", measure.Kind);
        var due = errors.Date($"{path}.dueDate", measure.DueDate);
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
        foreach (var (item, ePath) in Entries(errors, path, items))
        {
            var textOk = errors.Required($"{ePath}.text", item.Text);
            var date = errors.Date($"{ePath}.effectiveDate", item.EffectiveDate);
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
}
