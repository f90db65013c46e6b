using System.Text.Json;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Domain.Plans;

/// <summary>
/// Reads a plan file (docs/plan-format.md) into a validated <see cref="Plan"/>, or names every problem it has:
/// broken JSON, missing fields, duplicate ids, references to unknown units or officials, bad dates.
/// </summary>
/// <remarks>
/// One concern per partial file: this one reads the document and assembles the plan; <c>.Issuer</c> the district, office
/// and source (and what format 1 may not carry), <c>.Units</c> units and contacts, <c>.People</c> officials, cadres and
/// teams, <c>.Ledger</c> categories, problems, measures and evidence, <c>.Fields</c> the checks every part shares.
/// </remarks>
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
        var v2 = ReadFormatVersion(errors, document);
        errors.Id("planId", document.PlanId);
        errors.Required("title", document.Title);
        var feedbackDate = errors.Date("feedbackDate", document.FeedbackDate);
        var provenance = new List<ProvenanceFlag>();

        var (districtId, districtName) = ReadDistrict(errors, document, v2);
        var sourceKind = ReadSourceKind(errors, document, v2);
        var (units, referenced) = ReadUnits(errors, document, districtId, v2, provenance);
        var (officeId, officeName) = ReadOffice(errors, document, units, v2);
        districtName ??= districtId is not null && units.TryGetValue(districtId, out var districtUnit) ? districtUnit.Name : officeName;
        var officials = ReadOfficials(errors, document, units, provenance);
        var cadres = ReadCadres(errors, document, units);
        var teams = ReadTeams(errors, document, districtId);
        var ledger = new LedgerReading(errors, document.PlanId ?? string.Empty, units, officials, feedbackDate, v2, provenance);
        ledger.Read(document.Categories);
        var projects = v2 ? ReadProjects(errors, document, units, provenance) : [];

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
            Categories = ledger.Categories,
            Problems = ledger.Problems,
            Measures = ledger.Measures,
            Evidence = ledger.Evidence,
            Units = [.. units.Values],
            Officials = [.. officials.Values],
            Cadres = cadres,
            SupervisionTeams = teams,
        });
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
