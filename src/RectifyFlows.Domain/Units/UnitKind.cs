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

    /// <summary>
    /// A group named as one unit (各村支部: every village branch of a township): not a unit of its own but the units of
    /// <see cref="Unit.GroupOf"/> kind under <see cref="Unit.ParentId"/>, resolved when a notification or action fans
    /// out, so a unit added later is included (plan format 2).
    /// </summary>
    Group,
}
