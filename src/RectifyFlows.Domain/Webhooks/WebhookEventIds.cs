using System.Text.RegularExpressions;

namespace RectifyFlows.Domain.Webhooks;

/// <summary>
/// What a webhook's <c>eventId</c> may be: a sender's own id (a UUID, "team-1-2017-03", …). It is stored as a table key
/// for replay protection, so every webhook checks it with this one rule before it looks the id up.
/// </summary>
public static partial class WebhookEventIds
{
    public const string Rule = "use 1–100 letters, digits, '-', '_', '.' or ':'.";

    public static bool IsValid(string? eventId) => eventId is not null && Pattern().IsMatch(eventId);

    [GeneratedRegex(@"^[A-Za-z0-9_.:-]{1,100}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
