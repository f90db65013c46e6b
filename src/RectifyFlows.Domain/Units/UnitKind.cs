namespace RectifyFlows.Domain.Units;

/// <summary>Kinds of organisational unit in a district.</summary>
public enum UnitKind
{
    /// <summary>区/县: the district itself (the rectification office sits here).</summary>
    District,

    /// <summary>区直单位: a district department or bureau.</summary>
    Department,

    /// <summary>乡镇.</summary>
    Township,

    /// <summary>村.</summary>
    Village,
}
