using RectifyFlows.Domain.Time;
using RectifyFlows.Domain.Units;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Notifications.Contacts;

/// <summary>
/// The contact directory: turns a unit, official or team and an event into one addressed message on its most preferred
/// channel that has an address, with the other channels as fallbacks. The idempotency key is
/// <c>{event}|{recipient}|{channel}</c> whoever asks, so the same event reaches the same recipient once.
/// </summary>
public sealed class ContactResolver(UnitRepository units, TimeProvider time)
{
    /// <summary>A unit with its contacts; null when the directory does not know it.</summary>
    public async Task<NotificationRecipient?> UnitAsync(string unitId, CancellationToken cancellationToken) =>
        await units.GetProfileAsync(unitId, cancellationToken) is { } unit ? new NotificationRecipient(unit.Id, unit.Name, unit.Contacts) : null;

    /// <summary>The message to a unit (address null when it has no contact at all: the outbox keeps it and the office hears).</summary>
    public async Task<OutboxMessage> ToUnitAsync(string unitId, string eventKey, NotificationContent content, CancellationToken cancellationToken)
    {
        var recipient = await UnitAsync(unitId, cancellationToken) ?? new NotificationRecipient(unitId, null, []);
        return To(recipient, eventKey, content);
    }

    /// <summary>The message to a known recipient (a person: an official or a team with their contact).</summary>
    public OutboxMessage To(NotificationRecipient recipient, string eventKey, NotificationContent content) =>
        Address(recipient, eventKey, content, ChinaTime.Today(time));

    /// <summary>A person (official, team) with at most one contact.</summary>
    public static NotificationRecipient Person(string id, string? name, Contact? contact) =>
        new(id, name, contact is null ? [] : [contact]);

    /// <summary>
    /// The channels to try, in order: each contact's <see cref="Contact.Channels"/> (default email, sms, wecom,
    /// dingtalk), skipping those it has no address for; a channel is taken from the first contact that has it.
    /// </summary>
    public static IReadOnlyList<ContactRoute> RoutesOf(IReadOnlyList<Contact> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var routes = new List<ContactRoute>();
        foreach (var contact in contacts)
        {
            foreach (var channel in contact.Channels ?? ContactChannels.All)
            {
                if (routes.Any(r => r.Channel == channel) || RouteOf(contact, channel) is not { } route)
                {
                    continue;
                }

                routes.Add(route);
            }
        }

        return routes;
    }

    /// <summary>The addressed message: first route, the rest as fallbacks; a digest key on reminders by mail.</summary>
    public static OutboxMessage Address(NotificationRecipient recipient, string eventKey, NotificationContent content, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(content);
        var routes = RoutesOf(recipient.Contacts);
        var first = routes.Count > 0 ? routes[0] : new ContactRoute(ContactChannels.Email, null, null);
        var isEmail = first.Channel == ContactChannels.Email;
        return new OutboxMessage
        {
            IdempotencyKey = KeyOf(eventKey, recipient.Id, first.Channel),
            EventKey = eventKey,
            RecipientId = recipient.Id,
            RecipientName = recipient.Name,
            Channel = first.Channel,
            Address = first.Address,
            RobotKey = first.RobotKey,
            Kind = content.Kind,
            Subject = content.Subject,
            Body = content.BodyFor(first.Channel),
            Html = isEmail ? content.Html : null,
            Fields = content.Fields,
            DigestKey = content.Digestible && isEmail && first.Address is not null
                ? MessageKeys.Digest(recipient.Id, today)
                : null,
            Fallbacks = [.. routes.Skip(1).Select(r => new FallbackRoute
            {
                Channel = r.Channel,
                Address = r.Address,
                RobotKey = r.RobotKey,
                Body = content.BodyFor(r.Channel),
            })],
        };
    }

    /// <summary><c>{event}|{recipient}|{channel}</c>: one message per event, recipient and channel.</summary>
    public static string KeyOf(string eventKey, string recipientId, string channel) => MessageKeys.PerRecipient(eventKey, recipientId, channel);

    private static ContactRoute? RouteOf(Contact contact, string channel) => channel switch
    {
        ContactChannels.Email when !string.IsNullOrWhiteSpace(contact.Email) => new(channel, contact.Email, null),
        ContactChannels.Sms when !string.IsNullOrWhiteSpace(contact.Mobile) => new(channel, contact.Mobile, null),
        ContactChannels.WeCom when !string.IsNullOrWhiteSpace(contact.WeComRobotKey) => new(channel, contact.Mobile, contact.WeComRobotKey),
        ContactChannels.DingTalk when !string.IsNullOrWhiteSpace(contact.DingTalkRobotToken) => new(channel, contact.Mobile, contact.DingTalkRobotToken),
        _ => null,
    };
}
