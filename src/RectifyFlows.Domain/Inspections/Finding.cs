namespace RectifyFlows.Domain.Inspections;

/// <summary>问题: one thing a supervision team found, about a unit or (with <see cref="PersonId"/>) a person.</summary>
public sealed record Finding
{
    /// <summary>attendance, work, discipline, funds, project or other.</summary>
    public required string Kind { get; init; }

    /// <summary>low, medium or high.</summary>
    public required string Severity { get; init; }
    public string? PersonId { get; init; }
    public required string Subject { get; init; }
    public required string Detail { get; init; }

    /// <summary>For attendance findings: days on site in the month.</summary>
    public int? DaysOnSite { get; init; }

    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
        { "attendance", "work", "discipline", "funds", "project", "other" };

    public static readonly IReadOnlySet<string> Severities = new HashSet<string>(StringComparer.Ordinal) { "low", "medium", "high" };
}
