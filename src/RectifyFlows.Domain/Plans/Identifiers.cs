using System.Text.RegularExpressions;

namespace RectifyFlows.Domain.Plans;

/// <summary>
/// The shape of every id in the system: lowercase ASCII letters, digits and '-', at most 64 characters. Ids become
/// Table Storage keys and URL segments, so anything outside that set (/, \, #, ?, '|' used as key separator,
/// control characters) is refused at the door.
/// </summary>
public static partial class Identifiers
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
