namespace RectifyFlows.Testing;

/// <summary>A call to the host under test did not answer as the test expected (thrown by <see cref="WorkflowClient"/>).</summary>
public sealed class HostCallFailedException : Exception
{
    public HostCallFailedException()
    {
    }

    public HostCallFailedException(string message) : base(message)
    {
    }

    public HostCallFailedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
