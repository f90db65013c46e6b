using System.Globalization;
using System.Text.Json;

namespace RectifyFlows.Domain.Plans;

/// <summary>
/// Scales a plan file to a synthetic province for load tests: N copies of the district, each with its own ids
/// (prefixed <c>dNNN-</c>), names marked 合成 and every record flagged synthetic. The seed case gives per district
/// 19 townships, 93 villages and 33 measures, so 100 districts are ≈ 1,900 townships, 9,300 villages, 3,300 measures.
/// A format 2 plan (a township office's, with several lead units, unit groups and projects) is copied the same way:
/// every id it refers to carries the copy's prefix, so each copy imports as its own office.
/// </summary>
public static class SyntheticPlanGenerator
{
    public static IEnumerable<PlanDocument> Generate(PlanDocument seed, int districts)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentOutOfRangeException.ThrowIfLessThan(districts, 1);
        var json = JsonSerializer.Serialize(seed, PlanReader.JsonOptions);
        for (var i = 1; i <= districts; i++)
        {
            var copy = JsonSerializer.Deserialize<PlanDocument>(json, PlanReader.JsonOptions)!;
            yield return Rename(copy, string.Create(CultureInfo.InvariantCulture, $"d{i:D3}"), i);
        }
    }

    private static PlanDocument Rename(PlanDocument plan, string prefix, int index)
    {
        string Id(string? id) => $"{prefix}-{id}";
        string Name(string? name) => string.Create(CultureInfo.InvariantCulture, $"{name}（合成{index:D3}）");

        plan.PlanId = Id(plan.PlanId);
        plan.DistrictId = Id(plan.DistrictId);
        plan.DistrictName = Name(plan.DistrictName);
        plan.Title = Name(plan.Title);
        plan.Assumptions = ["Synthetic district generated from the seed plan for load tests; all names and data are synthetic."];
        // Format 2: the issuing office (a township's plan is issued by the township, named after it).
        var officeUnitId = plan.Office?.UnitId;
        if (plan.Office is { } office)
        {
            office.UnitId = office.UnitId is null ? null : Id(office.UnitId);
            office.Name = office.Name is null ? null : Name(office.Name);
        }

        foreach (var unit in plan.Units ?? [])
        {
            var issues = officeUnitId is not null && unit!.Id == officeUnitId;
            unit!.Id = Id(unit.Id);
            unit.ParentId = unit.ParentId is null ? null : Id(unit.ParentId);
            unit.Name = unit.Kind == "district" ? plan.DistrictName : issues ? Name(unit.Name) : unit.Name;
            unit.Synthetic = true;
        }

        foreach (var project in plan.Projects ?? [])
        {
            project!.Id = Id(project.Id);
            project.TownshipId = project.TownshipId is null ? null : Id(project.TownshipId);
            project.VillageId = project.VillageId is null ? null : Id(project.VillageId);
            project.Provenance = nameof(Provenance.Synthetic);
        }

        foreach (var official in plan.Officials ?? [])
        {
            official!.Id = Id(official.Id);
            official.UnitId = Id(official.UnitId);
            official.Synthetic = true;
        }

        foreach (var cadre in plan.Cadres ?? [])
        {
            cadre!.Id = Id(cadre.Id);
            cadre.UnitId = Id(cadre.UnitId);
            cadre.Synthetic = true;
        }

        foreach (var team in plan.SupervisionTeams ?? [])
        {
            team!.Id = Id(team.Id);
            team.Synthetic = true;
        }

        foreach (var measure in (plan.Categories ?? []).SelectMany(c => c!.Problems ?? []).SelectMany(p => p!.Measures ?? []))
        {
            measure!.Id = Id(measure.Id);
            measure.LeadOfficialId = measure.LeadOfficialId is null ? null : Id(measure.LeadOfficialId);
            measure.LeadUnitId = measure.LeadUnitId is null ? null : Id(measure.LeadUnitId);
            measure.LeadUnitIds = measure.LeadUnitIds?.Select(Id).ToList();
            measure.ResponsibleUnitIds = measure.ResponsibleUnitIds?.Select(Id).ToList();
        }

        return plan;
    }
}
