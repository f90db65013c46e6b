namespace RectifyFlows.Domain.Measures;

/// <summary>The three-colour supervision status of a measure (domain rule 2).</summary>
public enum Colour
{
    /// <summary>绿: on track.</summary>
    Green,

    /// <summary>黄: behind the linear plan, or idle too long.</summary>
    Yellow,

    /// <summary>红: overdue.</summary>
    Red,
}
