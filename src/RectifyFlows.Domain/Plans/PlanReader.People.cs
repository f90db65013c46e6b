using RectifyFlows.Domain.Units;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Domain.Plans;

// The people a plan names: leading officials, village cadres and supervision teams.
public static partial class PlanReader
{
    private static Dictionary<string, Official> ReadOfficials(
        ValidationErrors errors, PlanDocument document, Dictionary<string, Unit> units, List<ProvenanceFlag> provenance)
    {
        var officials = new Dictionary<string, Official>(StringComparer.Ordinal);
        foreach (var (official, path) in Entries(errors, "officials", document.Officials))
        {
            var idOk = errors.Id($"{path}.id", official.Id);
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
        foreach (var (cadre, path) in Entries(errors, "cadres", document.Cadres))
        {
            var idOk = errors.Id($"{path}.id", cadre.Id);
            var nameOk = errors.Required($"{path}.name", cadre.Name);
            var role = errors.Enum<CadreRole>($"{path}.role", cadre.Role);
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
        foreach (var (team, path) in Entries(errors, "supervisionTeams", document.SupervisionTeams))
        {
            var idOk = errors.Id($"{path}.id", team.Id);
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
}
