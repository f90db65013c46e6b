using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Domain.Plans;

/// <summary>Either a valid plan or every problem found in the input.</summary>
public sealed class PlanReadResult
{
    private PlanReadResult(Plan? plan, ValidationErrors errors)
    {
        Plan = plan;
        Errors = errors;
    }

    public Plan? Plan { get; }
    public ValidationErrors Errors { get; }
    public bool IsValid => Plan is not null;

    public static PlanReadResult Valid(Plan plan) => new(plan, new ValidationErrors());

    public static PlanReadResult Invalid(ValidationErrors errors) => new(null, errors);
}
