using RectifyFlows.Domain.Units;
using RectifyFlows.Notifications;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Workflows.Common;

/// <summary>Turns unit ids into addressed messages: the unit's name and first e-mail contact from its profile.</summary>
public sealed class RecipientDirectory(UnitRepository units)
{
    public async Task<Unit?> UnitAsync(string unitId, CancellationToken cancellationToken) =>
        (await units.GetAsync(unitId, cancellationToken))?.Unit;

    /// <summary>An e-mail to the unit (address null when it has none; the outbox keeps it for the office to see).</summary>
    public async Task<OutboxMessage> ToUnitAsync(
        string unitId, string kind, string key, string subject, string body, CancellationToken cancellationToken)
    {
        var unit = await UnitAsync(unitId, cancellationToken);
        return new OutboxMessage
        {
            IdempotencyKey = $"{key}|{unitId}|email",
            RecipientId = unitId,
            RecipientName = unit?.Name,
            Address = unit?.Contacts.FirstOrDefault(c => c.Email is not null)?.Email,
            Kind = kind,
            Subject = subject,
            Body = body,
        };
    }
}
