using System.ComponentModel.DataAnnotations;

namespace RectifyFlows.Domain.Measures;

/// <summary>Thresholds of the three-colour rule; bound from <c>RectifyFlows:Colours</c>.</summary>
public sealed class ColourOptions
{
    public const string SectionName = "RectifyFlows:Colours";

    /// <summary>Yellow when progress trails the linear plan by more than this many percentage points.</summary>
    [Range(0, 100)]
    public int BehindPlanMarginPercent { get; set; } = 20;

    /// <summary>Yellow when nothing was reported for this many days.</summary>
    [Range(1, 365)]
    public int IdleDays { get; set; } = 14;
}
