using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Templates;

namespace RectifyFlows.Workflows.Common;

/// <summary>
/// Sends one message to each of several units (a bulletin to the units it names, a report to its office): each
/// addressed on the channel its contacts prefer (<see cref="RecipientDirectory"/>), all written to the outbox at once.
/// The event key makes it once per unit: a rerun writes nothing new.
/// </summary>
public sealed class UnitMessenger(RecipientDirectory recipients, INotificationPort notifications)
{
    /// <summary>Writes <paramref name="content"/> for every unit of <paramref name="unitIds"/>; returns how many messages were new.</summary>
    public async Task<int> SendAsync(IEnumerable<string> unitIds, string eventKey, NotificationContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        var messages = new List<OutboxMessage>();
        foreach (var unitId in unitIds)
        {
            messages.Add(await recipients.ToUnitAsync(unitId, eventKey, content, cancellationToken));
        }

        return await notifications.EnqueueAsync(messages, cancellationToken);
    }
}
