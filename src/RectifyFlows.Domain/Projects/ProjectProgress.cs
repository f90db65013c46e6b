using RectifyFlows.Domain.Validation;
using RectifyFlows.Domain.Webhooks;

namespace RectifyFlows.Domain.Projects;

/// <summary>A project's reported progress (项目进度): the fields the project-progress webhook may change.</summary>
public sealed record ProjectProgress(string EventId, string ProjectId, string UnitId, string Status, int Percent, decimal Disbursed)
{
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal) { "notStarted", "underConstruction", "completed" };

    /// <summary>The body's own rules, naming every invalid field; checks against the stored project come after (<see cref="Check"/>).</summary>
    public static (ProjectProgress? Progress, ValidationErrors Errors) Validate(ProjectProgressRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = WebhookEventIds.NewErrors(request.EventId);
        errors.Id("projectId", request.ProjectId);
        errors.Id("unitId", request.UnitId);
        errors.OneOf("status", request.Status, Statuses);
        if (request.Percent is not (>= 0 and <= 100))
        {
            errors.Add("percent", "is required, 0–100.");
        }
        else if ((request.Status == "completed" && request.Percent != 100) || (request.Status == "notStarted" && request.Percent != 0))
        {
            errors.Add("percent", "must be 100 for a completed project and 0 for one not started.");
        }

        if (request.Disbursed is not { } disbursed || disbursed < 0)
        {
            errors.Add("disbursed", "is required, in yuan, not negative.");
        }

        return errors.HasErrors
            ? (null, errors)
            : (new ProjectProgress(request.EventId!, request.ProjectId!, request.UnitId!, request.Status!, request.Percent!.Value, request.Disbursed!.Value), errors);
    }

    /// <summary>Rules against the stored project: it must be the sender's, and disbursed may not exceed allocated.</summary>
    public ValidationErrors Check(Project? project)
    {
        var errors = new ValidationErrors();
        if (project is null)
        {
            errors.Add("projectId", $"unknown project '{ProjectId}'.");
        }
        else if (project.UnitId != UnitId)
        {
            errors.Add("projectId", $"project '{ProjectId}' belongs to another unit.");
        }
        else if (Disbursed > project.Allocated)
        {
            errors.Add("disbursed", $"exceeds the allocated {project.Allocated:0.##} yuan.");
        }

        return errors;
    }

    /// <summary>The project with this progress applied.</summary>
    public Project ApplyTo(Project project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project with { Status = Status, Percent = Percent, Disbursed = Disbursed };
    }
}
