namespace RectifyFlows.Domain.Units;

/// <summary>Cadres stationed in villages, whose attendance the monthly cycle checks.</summary>
public enum CadreRole
{
    /// <summary>第一书记.</summary>
    FirstSecretary,

    /// <summary>驻村工作队员.</summary>
    WorkTeamMember,
}
