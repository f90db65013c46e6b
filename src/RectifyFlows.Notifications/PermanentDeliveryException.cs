namespace RectifyFlows.Notifications;

/// <summary>
/// The service rejected the message for good (no such mailbox, invalid number, invalid robot key): retrying cannot help,
/// so the dispatcher marks it dead at once, alerts the office and tries the contact's next channel.
/// </summary>
public sealed class PermanentDeliveryException : Exception
{
    public PermanentDeliveryException()
    {
    }

    public PermanentDeliveryException(string message)
        : base(message)
    {
    }

    public PermanentDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
