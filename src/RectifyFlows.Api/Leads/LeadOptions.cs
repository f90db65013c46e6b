using System.ComponentModel.DataAnnotations;

namespace RectifyFlows.Api.Leads;

/// <summary>The leads ledger's defaults; bound from <c>RectifyFlows:Leads</c>.</summary>
public sealed class LeadOptions
{
    public const string SectionName = "RectifyFlows:Leads";

    /// <summary>Days from receipt until a lead nobody assigned yet is overdue (an assignment sets its own deadline).</summary>
    [Range(1, 365)]
    public int DefaultDeadlineDays { get; set; } = 15;

    /// <summary>How often the standalone host looks for overdue leads (reminders go out once a day per lead in any case).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
}
