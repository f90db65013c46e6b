using System.Globalization;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Notifications.Templates;

namespace RectifyFlows.Notifications.Dispatch;

/// <summary>Digests: a leader's undelivered reminders of the same recipient and day claimed and sent as one mail.</summary>
public sealed partial class OutboxDispatcher
{
    /// <summary>
    /// Claims the other undelivered reminders of the leader's digest (same recipient and CST day) under the same lease,
    /// so one mail carries them all and each is marked sent after it.
    /// </summary>
    private async Task ClaimDigestAsync(List<OutboxClaim> claims, HashSet<string> folded, CancellationToken cancellationToken)
    {
        var leader = claims[0];
        var siblings = await outbox.ListDigestAsync(leader.Message.RecipientId, leader.Message.DigestKey!, cancellationToken);
        foreach (var sibling in siblings)
        {
            if (sibling.RowKey == leader.Index.RowKey)
            {
                continue;
            }

            // The same guarded claim as the leader's: a sibling another dispatcher holds, or one already sent, is left alone.
            if (await outbox.TryClaimAsync(sibling, time.GetUtcNow(), options.Value.LeaseDuration, cancellationToken) is { } other
                && other.Message.DigestKey == leader.Message.DigestKey)
            {
                claims.Add(other);
                folded.Add(sibling.RowKey);
            }
        }
    }

    /// <summary>One mail for the claimed reminders; its key (and so its Message-ID) names exactly those members.</summary>
    private static OutboxMessage DigestOf(IReadOnlyList<OutboxClaim> claims)
    {
        var members = claims.Select(c => c.Message)
            .OrderBy(m => m.Fields?.DueDate ?? DateOnly.MaxValue)
            .ThenBy(m => m.Fields?.Measure ?? m.Subject, StringComparer.Ordinal)
            .ToList();
        var first = members[0];
        var day = DateOnly.TryParseExact(first.DigestKey![^10..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : DateOnly.FromDateTime(first.CreatedAt.UtcDateTime);
        var content = NotificationTemplates.DigestOf(day, members);
        var memberKeys = string.Join("\n", members.Select(m => m.IdempotencyKey).Order(StringComparer.Ordinal));
        return first with
        {
            IdempotencyKey = MessageKeys.DigestMail(first.DigestKey, OutboxRepository.RowKeyOf(memberKeys)),
            Subject = content.Subject,
            Body = content.Text,
            Html = content.Html,
            Fields = null,
            Fallbacks = [],
        };
    }
}
