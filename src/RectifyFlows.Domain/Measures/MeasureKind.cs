namespace RectifyFlows.Domain.Measures;

/// <summary>How a measure is rectified: at once, by a deadline, or as a long-term item re-verified each period.</summary>
public enum MeasureKind
{
    /// <summary>立行立改.</summary>
    Immediate,

    /// <summary>限期整改.</summary>
    Deadline,

    /// <summary>长期整改: never signed off; re-verified every review period instead.</summary>
    LongTerm,
}
