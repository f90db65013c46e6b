using RectifyFlows.Domain.Units;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Domain.Plans;

// The checks every part of a plan shares beyond FieldChecks' ids, dates and enums: references to the plan's units
// and an item's provenance.
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

        return errors.Enum<Provenance>(field, value) ?? Provenance.Source;
    }

    /// <summary>
    /// The entries of a list with their paths (<c>units[3]</c>), read lazily in order; a null entry is named
    /// ("must be an object.") and skipped, so each reader handles only real entries.
    /// </summary>
    private static IEnumerable<(T Item, string Path)> Entries<T>(ValidationErrors errors, string path, List<T?>? items)
        where T : class
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            var itemPath = $"{path}[{i}]";
            if (items![i] is { } item)
            {
                yield return (item, itemPath);
            }
            else
            {
                errors.Add(itemPath, "must be an object.");
            }
        }
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
}
