using RectifyFlows.Domain.Units;

namespace RectifyFlows.Domain.Evaluation;

/// <summary>
/// Finds a township's principal (党委书记, else 乡长 / 镇长) and deputy in charge (a role naming 分管, else the first
/// 副 role) among the officials the plan registers for it, so a sanction names the person. Either may be missing.
/// </summary>
public static class TownshipLeaders
{
    public static Official? Find(IReadOnlyList<Official> officials, LeaderRole role)
    {
        ArgumentNullException.ThrowIfNull(officials);
        return role == LeaderRole.Principal
            ? officials.FirstOrDefault(o => o.Role.Contains("书记", StringComparison.Ordinal) && !o.Role.Contains('副'))
              ?? officials.FirstOrDefault(o => (o.Role.Contains("乡长", StringComparison.Ordinal) || o.Role.Contains("镇长", StringComparison.Ordinal)) && !o.Role.Contains('副'))
            : officials.FirstOrDefault(o => o.Role.Contains("分管", StringComparison.Ordinal))
              ?? officials.FirstOrDefault(o => o.Role.Contains('副'));
    }

    /// <summary>How a report names the person: role and name when known, else the leader role alone.</summary>
    public static string Describe(Official? official, Sanction sanction)
    {
        ArgumentNullException.ThrowIfNull(sanction);
        return official is null
            ? sanction.RoleName
            : official.Name is null ? $"{sanction.RoleName}（{official.Role}）" : $"{sanction.RoleName}（{official.Role} {official.Name}）";
    }
}
