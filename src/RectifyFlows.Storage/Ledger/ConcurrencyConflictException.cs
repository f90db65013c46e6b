namespace RectifyFlows.Storage.Ledger;

/// <summary>An update kept losing the optimistic-concurrency race and gave up; the caller may try again.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
    {
    }

    public ConcurrencyConflictException(string message) : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
