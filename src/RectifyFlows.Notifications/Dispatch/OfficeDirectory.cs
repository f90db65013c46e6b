using Microsoft.Extensions.Options;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Notifications.Dispatch;

/// <summary>
/// Who hears about a dead letter: the district office (the district unit) of the recipient's unit, from the unit
/// directory; else the office configured in <see cref="NotificationOptions.OfficeUnitId"/>.
/// </summary>
public sealed class OfficeDirectory(UnitRepository units, IOptions<NotificationOptions> options)
{
    public async Task<Office?> ForAsync(string recipientId, CancellationToken cancellationToken)
    {
        var configured = options.Value;
        var recipient = await units.GetProfileAsync(recipientId, cancellationToken);
        var districtId = recipient?.DistrictId;
        if (!string.IsNullOrEmpty(districtId) && await units.GetProfileAsync(districtId, cancellationToken) is { } district)
        {
            var email = district.Contacts.FirstOrDefault(c => c.Email is not null)?.Email ?? configured.OfficeEmail;
            return new Office(district.Id, district.Name, email);
        }

        return string.IsNullOrEmpty(configured.OfficeUnitId) ? null : new Office(configured.OfficeUnitId, null, configured.OfficeEmail);
    }
}
