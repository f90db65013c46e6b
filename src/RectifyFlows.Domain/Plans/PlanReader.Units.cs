using System.Text.RegularExpressions;
using RectifyFlows.Domain.Units;
using RectifyFlows.Domain.Validation;

namespace RectifyFlows.Domain.Plans;

// The units a plan declares or references, their hierarchy, and their contacts.
public static partial class PlanReader
{
    private static (Dictionary<string, Unit> Units, HashSet<string> Referenced) ReadUnits(
        ValidationErrors errors, PlanDocument document, string? districtId, bool v2, List<ProvenanceFlag> provenance)
    {
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        if (document.Units is not { Count: > 0 })
        {
            errors.Add("units", v2 ? "must list at least the issuing office's unit." : "must list at least the district's own unit.");
            return (units, referenced);
        }

        // Parents are checked once every unit is known: a file may list a village before its township.
        var parents = new List<(string Path, string ParentId, UnitKind Kind)>();
        foreach (var (unit, path) in Entries(errors, "units", document.Units))
        {
            if (ReadUnit(errors, path, unit, units, districtId, provenance) is not { } read)
            {
                continue;
            }

            if (unit.ParentId is not null)
            {
                parents.Add(($"{path}.parentId", unit.ParentId, read.Kind));
            }

            if (unit.Reference == true)
            {
                referenced.Add(read.Id);
            }

            units[read.Id] = read;
        }

        CheckParents(errors, parents, units);
        CheckDeclaredDistrict(errors, document, units);
        return (units, referenced);
    }

    /// <summary>One unit; null when it cannot be listed (its id, name or kind is missing or bad, or its id repeats).</summary>
    private static Unit? ReadUnit(
        ValidationErrors errors, string path, UnitDocument unit, Dictionary<string, Unit> units, string? districtId, List<ProvenanceFlag> provenance)
    {
        var idOk = errors.Id($"{path}.id", unit.Id);
        errors.Required($"{path}.name", unit.Name);
        var kind = errors.Enum<UnitKind>($"{path}.kind", unit.Kind);
        var contacts = ReadContacts(errors, $"{path}.contacts", unit.Contacts);
        if (!idOk || kind is null || string.IsNullOrWhiteSpace(unit.Name))
        {
            return null;
        }

        if (units.ContainsKey(unit.Id!))
        {
            errors.Add($"{path}.id", $"duplicate unit id '{unit.Id}'.");
            return null;
        }

        if (unit.ParentId is null)
        {
            RequireParent(errors, $"{path}.parentId", kind.Value);
        }

        var groupOf = ReadGroupOf(errors, path, unit, kind.Value);
        if (unit.Reference == true && unit.Contacts is { Count: > 0 })
        {
            errors.Add($"{path}.contacts", "a referenced unit's contacts belong to the plan that declares it; leave them out here.");
        }

        var flag = ReadProvenance(errors, $"{path}.provenance", unit.Provenance, unit.Synthetic == true);
        if (flag is not Provenance.Source)
        {
            provenance.Add(new ProvenanceFlag("unit", unit.Id!, flag));
        }

        return new Unit
        {
            Id = unit.Id!,
            Name = unit.Name!.Trim(),
            Kind = kind.Value,
            DistrictId = districtId ?? string.Empty,
            ParentId = unit.ParentId,
            PoorVillage = unit.PoorVillage ?? false,
            Synthetic = flag is Provenance.Synthetic,
            Contacts = contacts,
            GroupOf = groupOf,
        };
    }

    /// <summary>A village and a group cannot stand alone: each names the unit above it.</summary>
    private static void RequireParent(ValidationErrors errors, string field, UnitKind kind)
    {
        if (kind is UnitKind.Village)
        {
            errors.Add(field, "a village must name its township.");
        }
        else if (kind is UnitKind.Group)
        {
            errors.Add(field, "a group must name the unit whose members it stands for (各村支部: the township).");
        }
    }

    /// <summary>Format 2, kind group: the kind of the units the group stands for; no other kind may carry it.</summary>
    private static UnitKind? ReadGroupOf(ValidationErrors errors, string path, UnitDocument unit, UnitKind kind)
    {
        if (kind is not UnitKind.Group)
        {
            if (unit.GroupOf is not null)
            {
                errors.Add($"{path}.groupOf", "is only for units of kind group.");
            }

            return null;
        }

        var groupOf = errors.Enum<UnitKind>($"{path}.groupOf", unit.GroupOf);
        if (groupOf is UnitKind.Group or UnitKind.District)
        {
            errors.Add($"{path}.groupOf", "must be village, township or department.");
        }

        return groupOf;
    }

    private static void CheckParents(ValidationErrors errors, List<(string Path, string ParentId, UnitKind Kind)> parents, Dictionary<string, Unit> units)
    {
        foreach (var (path, parentId, kind) in parents)
        {
            if (!units.TryGetValue(parentId, out var parent))
            {
                errors.Add(path, $"unknown unit '{parentId}'.");
            }
            else if (kind is UnitKind.Village && parent.Kind is not UnitKind.Township)
            {
                errors.Add(path, $"a village's parent must be a township, '{parentId}' is a {parent.Kind}.");
            }
        }
    }

    /// <summary>A declared <c>districtId</c> must be one of the listed units, of kind district.</summary>
    private static void CheckDeclaredDistrict(ValidationErrors errors, PlanDocument document, Dictionary<string, Unit> units)
    {
        if (document.DistrictId is not { } declaredDistrict)
        {
            return;
        }

        if (!units.TryGetValue(declaredDistrict, out var district))
        {
            errors.Add("districtId", $"no unit with id '{declaredDistrict}' and kind 'district' is listed in units.");
        }
        else if (district.Kind is not UnitKind.District)
        {
            errors.Add("districtId", $"unit '{declaredDistrict}' must have kind 'district'.");
        }
    }

    /// <summary>Reads a unit's contact list outside a plan (the unit PUT), with the plan file's rules and field paths.</summary>
    public static IReadOnlyList<Contact> ReadContactList(ValidationErrors errors, string path, List<ContactDocument?>? contacts)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return ReadContacts(errors, path, contacts);
    }

    private static List<Contact> ReadContacts(ValidationErrors errors, string path, List<ContactDocument?>? contacts)
    {
        return [.. Entries(errors, path, contacts).Select(entry => ReadContact(errors, entry.Path, entry.Item))];
    }

    private static Contact ReadContact(ValidationErrors errors, string path, ContactDocument contact)
    {
        // Contacts are stored as one JSON property of the unit's row (at most 64 KB): every field has a bound.
        errors.MaxLength($"{path}.name", contact.Name, 100);
        errors.MaxLength($"{path}.title", contact.Title, 100);
        errors.MaxLength($"{path}.email", contact.Email, 254);
        errors.MaxLength($"{path}.mobile", contact.Mobile, 20);
        errors.MaxLength($"{path}.weComRobotKey", contact.WeComRobotKey, 200);
        errors.MaxLength($"{path}.dingTalkRobotToken", contact.DingTalkRobotToken, 200);
        if (contact.Email is not null && !EmailPattern().IsMatch(contact.Email))
        {
            errors.Add($"{path}.email", "is not an email address.");
        }

        if (contact.Mobile is not null && !MobilePattern().IsMatch(contact.Mobile))
        {
            errors.Add($"{path}.mobile", "must be an 11-digit mainland mobile number, optionally with +86.");
        }

        for (var i = 0; i < (contact.Channels?.Count ?? 0); i++)
        {
            errors.OneOf($"{path}.channels[{i}]", contact.Channels![i], ContactChannels.All);
        }

        return new Contact
        {
            Name = contact.Name,
            Title = contact.Title,
            Email = contact.Email,
            Mobile = contact.Mobile,
            WeComRobotKey = contact.WeComRobotKey,
            DingTalkRobotToken = contact.DingTalkRobotToken,
            Channels = contact.Channels is { Count: > 0 } channels ? [.. channels.Distinct(StringComparer.Ordinal)] : null,
            Synthetic = contact.Synthetic ?? false,
        };
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(\+86)?1[0-9]{10}\z", RegexOptions.CultureInvariant)]
    private static partial Regex MobilePattern();
}
