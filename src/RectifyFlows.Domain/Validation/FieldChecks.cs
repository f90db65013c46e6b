using System.Globalization;
using System.Text.Json;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Time;

namespace RectifyFlows.Domain.Validation;

/// <summary>
/// The field checks every input shares (plan files, API bodies and queries, webhook bodies): ids, texts and their
/// lengths, China Standard Time dates and date-times, enum names as the wire spells them. Each adds one message under
/// the field's path to <see cref="ValidationErrors"/>, which becomes a problem details' <c>errors</c>, and returns the
/// value read (null, or false, when it is missing or bad), so that a caller names every problem at once.
/// </summary>
/// <remarks>Messages are English, like every field message of the API; the problem's title is the Chinese one.</remarks>
public static class FieldChecks
{
    /// <summary>The one form of a business date on the wire.</summary>
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>An id (<see cref="Identifiers"/>); returns whether it is present and valid.</summary>
    public static bool Id(this ValidationErrors errors, string field, string? value, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Missing(errors, field, value, required, "is required."))
        {
            return !required;
        }

        if (!Identifiers.IsValid(value))
        {
            errors.Add(field, $"'{value}' is not a valid id: use lowercase letters, digits and '-', at most {Identifiers.MaxLength} characters.");
            return false;
        }

        return true;
    }

    /// <summary>A text of at most <paramref name="max"/> characters, when present; returns whether it fits.</summary>
    public static bool MaxLength(this ValidationErrors errors, string field, string? value, int max)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is { Length: var length } && length > max)
        {
            errors.Add(field, $"is {length} characters long; at most {max} are allowed.");
            return false;
        }

        return true;
    }

    /// <summary>A required, non-blank text of at most <paramref name="max"/> characters; returns whether it is both.</summary>
    public static bool Text(this ValidationErrors errors, string field, string? value, int max)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Required(field, value) && errors.MaxLength(field, value, max);
    }

    /// <summary>A business date, <c>yyyy-MM-dd</c> (a calendar date in China Standard Time, no zone on the wire).</summary>
    public static DateOnly? Date(this ValidationErrors errors, string field, string? value, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Missing(errors, field, value, required, $"is required ({DateFormat})."))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, $"'{value}' is not a date in the form {DateFormat}.");
            return null;
        }

        return date;
    }

    /// <summary>
    /// An instant in ISO 8601 (<c>2017-03-31T09:00:00+08:00</c>); one written without an offset is read as China
    /// Standard Time, the zone every user of the system is in, never as the server's zone.
    /// </summary>
    public static DateTimeOffset? DateTime(this ValidationErrors errors, string field, string? value, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(errors);
        const string Form = "an ISO 8601 date-time, e.g. 2017-03-31T09:00:00+08:00";
        if (Missing(errors, field, value, required, $"is required: {Form}."))
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var instant))
        {
            errors.Add(field, $"'{value}' is not {Form}.");
            return null;
        }

        // Without an offset DateTimeOffset would take this machine's zone: read such a time in China Standard Time.
        return System.DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var written)
            && written.Kind is DateTimeKind.Unspecified
            ? new DateTimeOffset(written, ChinaTime.Zone.GetUtcOffset(written))
            : instant;
    }

    /// <summary>A date-time the JSON reader has already parsed (its form is checked there); returns whether it is present.</summary>
    public static bool Instant(this ValidationErrors errors, string field, DateTimeOffset? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            errors.Add(field, "is required (ISO 8601 with offset).");
            return false;
        }

        return true;
    }

    /// <summary>A month, <c>yyyy-MM</c> (<see cref="CyclePeriods.TryParseMonth"/>); returns its first day.</summary>
    public static DateOnly? Month(this ValidationErrors errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!CyclePeriods.TryParseMonth(value, out var first))
        {
            errors.Add(field, "is required in the form yyyy-MM.");
            return null;
        }

        return first;
    }

    /// <summary>
    /// An enum by its name as the wire spells it (camelCase; any case is accepted). Names only: <c>Enum.TryParse</c>
    /// would also take "2" or "1,2". The message lists the allowed names.
    /// </summary>
    public static TEnum? Enum<TEnum>(this ValidationErrors errors, string field, string? value, bool required = true)
        where TEnum : struct, System.Enum
    {
        ArgumentNullException.ThrowIfNull(errors);
        var names = System.Enum.GetNames<TEnum>();
        var allowed = names.Select(JsonNamingPolicy.CamelCase.ConvertName).ToList();
        var name = OneOf(errors, field, value, allowed, required, StringComparison.OrdinalIgnoreCase);
        return name is null ? null : System.Enum.Parse<TEnum>(name, ignoreCase: true);
    }

    /// <summary>One of a fixed set of wire values (exact case); returns it, or null when it is missing or another.</summary>
    public static string? OneOf(this ValidationErrors errors, string field, string? value, IEnumerable<string> allowed, bool required = true) =>
        OneOf(errors, field, value, allowed, required, StringComparison.Ordinal);

    /// <summary>A query flag, <c>true</c> or <c>false</c>; null when absent or bad.</summary>
    public static bool? Flag(this ValidationErrors errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        switch (value)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                errors.Add(field, "must be true or false.");
                return null;
        }
    }

    private static string? OneOf(
        ValidationErrors errors, string field, string? value, IEnumerable<string> allowed, bool required, StringComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(allowed);
        var list = allowed as IReadOnlyCollection<string> ?? [.. allowed];
        if (Missing(errors, field, value, required, $"is required: one of {string.Join(", ", list)}."))
        {
            return null;
        }

        var match = list.FirstOrDefault(name => string.Equals(name, value, comparison));
        if (match is null)
        {
            errors.Add(field, $"'{value}' is not one of: {string.Join(", ", list)}.");
        }

        return match;
    }

    /// <summary>
    /// Whether there is nothing to read: null, or blank where the field is required (an optional field that is present
    /// but blank is read, and refused with the form it must have).
    /// </summary>
    private static bool Missing(ValidationErrors errors, string field, string? value, bool required, string requiredMessage)
    {
        if (!required)
        {
            return value is null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, requiredMessage);
            return true;
        }

        return false;
    }
}
