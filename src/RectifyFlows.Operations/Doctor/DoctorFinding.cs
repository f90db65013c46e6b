namespace RectifyFlows.Operations.Doctor;

/// <summary>One broken workflow instance the doctor found: what it belongs to, what is wrong, and whether it was rebuilt.</summary>
public sealed record DoctorFinding(string InstanceId, string Kind, string Problem, bool Repaired);

/// <summary>The problems the doctor knows (the <c>problem</c> tag of the repairs meter, the FromStatus of the audit row).</summary>
public static class DoctorProblems
{
    /// <summary>An open item without a ladder (the store lost the instance, or it was never started).</summary>
    public const string Missing = "missing";

    /// <summary>The instance failed, or was terminated while its item is still open.</summary>
    public const string Failed = "failed";
    public const string Terminated = "terminated";

    /// <summary>Its history cannot be loaded (duplicate ExecutionStarted events after an abrupt stop of the store).</summary>
    public const string Corrupt = "corrupt";

    /// <summary>Pending or silent well past the moment it should have moved (its queue message was lost).</summary>
    public const string Stuck = "stuck";
}
