using RectifyFlows.Domain.Units;

namespace RectifyFlows.Notifications.Contacts;

/// <summary>A unit, official or team as the contact directory knows it: id, display name and contacts in order.</summary>
public sealed record NotificationRecipient(string Id, string? Name, IReadOnlyList<Contact> Contacts);
