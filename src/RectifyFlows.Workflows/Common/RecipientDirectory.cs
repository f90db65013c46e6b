using RectifyFlows.Domain.Units;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Contacts;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Workflows.Common;

/// <summary>
/// What the workflows ask of the contact directory: a unit's profile, and a message to a unit or a person on the
/// channel its contacts prefer, with the other channels as fallbacks (<see cref="ContactResolver"/>).
/// </summary>
public sealed class RecipientDirectory(UnitRepository units, ContactResolver contacts)
{
    public Task<Unit?> UnitAsync(string unitId, CancellationToken cancellationToken) =>
        units.GetProfileAsync(unitId, cancellationToken);

    /// <summary>The message to a unit about an event (address null when it has no contact; the outbox keeps it for the office to see).</summary>
    public Task<OutboxMessage> ToUnitAsync(string unitId, string eventKey, NotificationContent content, CancellationToken cancellationToken) =>
        contacts.ToUnitAsync(unitId, eventKey, content, cancellationToken);

    /// <summary>The message to a person (an official, a team) reached through their own contact.</summary>
    public OutboxMessage ToPerson(string id, string? name, Contact? contact, string eventKey, NotificationContent content) =>
        contacts.To(ContactResolver.Person(id, name, contact), eventKey, content);
}
