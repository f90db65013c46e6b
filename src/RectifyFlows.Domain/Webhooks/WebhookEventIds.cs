using System.Text.RegularExpressions;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Domain.Webhooks;

/// <summary>
/// The shape every webhook's <c>eventId</c> must have: 1–100 letters, digits, '-', '_', '.' or ':'. It is stored as a
/// table key for replay protection, so the pipeline checks it before it looks the id up.
/// </summary>
public static partial class WebhookEventIds
{
    public const string Rule = "use 1–100 letters, digits, '-', '_', '.' or ':'.";

    public static bool IsValid(string? eventId) => eventId is not null && Pattern().IsMatch(eventId);

    /// <summary>The errors of a webhook body, starting with its <c>eventId</c>'s: every webhook validator begins here.</summary>
    public static ValidationErrors NewErrors(string? eventId)
    {
        var errors = new ValidationErrors();
        Check(errors, eventId);
        return errors;
    }

    /// <summary>Adds the eventId error to <paramref name="errors"/> when it is missing or malformed; returns whether it is valid.</summary>
    public static bool Check(ValidationErrors errors, string? eventId)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!errors.Required("eventId", eventId))
        {
            return false;
        }

        if (!IsValid(eventId))
        {
            errors.Add("eventId", Rule);
            return false;
        }

        return true;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.:-]{1,100}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
