using RectifyFlows.Domain.Plans;

namespace RectifyFlows.Domain.Projects;

/// <summary>扶贫项目: a poverty-alleviation project of a township, with its progress and funds (yuan).</summary>
public sealed record Project
{
    public required string Id { get; init; }

    /// <summary>The township (乡镇) the project is in; rates per township group by it.</summary>
    public required string UnitId { get; init; }
    public required string Name { get; init; }

    /// <summary>The village (村), when the project is a village's.</summary>
    public string? VillageId { get; init; }

    /// <summary>村庄整治, 电网, 易地搬迁, 产业, 交通, 水利, … (free text: plans name their own categories).</summary>
    public string Category { get; init; } = string.Empty;

    /// <summary>The year the project was allocated (下达年度).</summary>
    public int Year { get; init; }

    /// <summary>Who funds it (资金级别): central, provincial, municipal, county or other.</summary>
    public string FundingLevel { get; init; } = string.Empty;

    /// <summary>notStarted, underConstruction or completed.</summary>
    public required string Status { get; init; }
    public int Percent { get; init; }
    public decimal Allocated { get; init; }
    public decimal Disbursed { get; init; }
    public DateOnly? StartedOn { get; init; }
    public DateOnly? CompletedOn { get; init; }

    /// <summary>Where the row comes from: the source, or reconstructed/synthetic data (never presented as reported).</summary>
    public Provenance Provenance { get; init; } = Provenance.Source;

    /// <summary>Made up (for load tests and demos), not reported.</summary>
    public bool Synthetic { get; init; }

    public bool IsStarted => Status != ProjectStatuses.NotStarted;

    public bool IsCompleted => Status == ProjectStatuses.Completed;
}
