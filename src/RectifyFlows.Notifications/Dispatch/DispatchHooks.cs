namespace RectifyFlows.Notifications.Dispatch;

/// <summary>
/// Test hooks into a dispatcher pass. <see cref="AfterAccepted"/> runs after the server (SMTP or HTTP) accepted a message and
/// before it is marked sent; throwing from it is how tests kill the dispatcher inside the at-least-once window.
/// </summary>
public sealed class DispatchHooks
{
    public Action<OutboxMessage>? AfterAccepted { get; set; }
}
