using System.Globalization;
using System.Text.Json;
using RectifyFlows.Domain.Units;

namespace RectifyFlows.Domain.Plans;

// The field checks every part of a plan shares: ids, references to units, dates, enum names and provenance.
public static partial class PlanReader
{
    /// <summary>
    /// An item's provenance: format 2's <c>provenance</c> field, or format 1's <c>synthetic</c>/<c>inferred</c> flag.
    /// </summary>
    private static Provenance ReadProvenance(ValidationErrors errors, string field, string? value, bool legacyFlag)
    {
        if (value is null)
        {
            return legacyFlag ? Provenance.Synthetic : Provenance.Source;
        }

        return RequiredEnum<Provenance>(errors, field, value) ?? Provenance.Source;
    }

    private static bool RequiredId(ValidationErrors errors, string field, string? value)
    {
        if (!errors.Required(field, value))
        {
            return false;
        }

        if (!Identifiers.IsValid(value))
        {
            errors.Add(field, $"'{value}' is not a valid id: use lowercase letters, digits and '-', at most {Identifiers.MaxLength} characters.");
            return false;
        }

        return true;
    }

    private static bool KnownUnit(ValidationErrors errors, string field, string? unitId, Dictionary<string, Unit> units, bool required)
    {
        if (unitId is null)
        {
            if (required)
            {
                errors.Add(field, "is required.");
            }

            return !required;
        }

        if (!units.ContainsKey(unitId))
        {
            errors.Add(field, $"unknown unit '{unitId}'.");
            return false;
        }

        return true;
    }

    private static DateOnly? RequiredDate(ValidationErrors errors, string field, string? value)
    {
        if (!errors.Required(field, value))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, $"'{value}' is not a date in the form yyyy-MM-dd.");
            return null;
        }

        return date;
    }

    private static TEnum? RequiredEnum<TEnum>(ValidationErrors errors, string field, string? value)
        where TEnum : struct, Enum
    {
        if (!errors.Required(field, value))
        {
            return null;
        }

        // Names only: Enum.TryParse would also accept "2" or "1,2".
        var match = Enum.GetNames<TEnum>().FirstOrDefault(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var allowed = string.Join(", ", Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName));
            errors.Add(field, $"'{value}' is not one of: {allowed}.");
            return null;
        }

        return Enum.Parse<TEnum>(match);
    }
}
