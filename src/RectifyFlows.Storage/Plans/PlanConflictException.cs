namespace RectifyFlows.Storage.Plans;

/// <summary>A plan cannot be imported because of what is already stored (e.g. a measure id owned by another plan).</summary>
public sealed class PlanConflictException : Exception
{
    public PlanConflictException()
    {
        Errors = new Dictionary<string, string[]>();
    }

    public PlanConflictException(string message) : base(message)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public PlanConflictException(string message, Exception innerException) : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public PlanConflictException(string message, IDictionary<string, string[]> errors) : base(message)
    {
        Errors = errors;
    }

    /// <summary>Field → messages, as for validation problems.</summary>
    public IDictionary<string, string[]> Errors { get; }
}
