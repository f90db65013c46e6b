using System.Text.RegularExpressions;

namespace RectifyFlows.Functions.Tests.Settings;

/// <summary>
/// The settings docs/deployment.md lists by hand, read from its tables: the first column's <c>`code`</c> spans are
/// setting names in colon form, a trailing <c>:*</c> covering every key below.
/// </summary>
internal static partial class DocumentedSettings
{
    /// <summary>The heading of the table of settings the Functions app reads that the template does not set.</summary>
    public const string ManualHeading = "Settings the template does not set";

    /// <summary>The heading of the table of settings only the standalone host reads.</summary>
    public const string HostOnlyHeading = "Settings only the standalone host reads";

    public static string DeploymentDoc => Path.Combine(FunctionsOutput.RepositoryRoot.FullName, "docs", "deployment.md");

    /// <summary>The setting patterns of the first table under the heading that contains <paramref name="heading"/>.</summary>
    public static IReadOnlyList<string> Table(string heading)
    {
        var lines = File.ReadAllLines(DeploymentDoc);
        var start = Array.FindIndex(lines, l => l.StartsWith('#') && l.Contains(heading, StringComparison.Ordinal));
        if (start < 0)
        {
            throw new InvalidOperationException($"docs/deployment.md has no heading '{heading}'.");
        }

        var patterns = new List<string>();
        var inTable = false;
        for (var i = start + 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('|'))
            {
                inTable = true;
                var firstCell = line.Split('|', StringSplitOptions.TrimEntries)[1];
                if (firstCell.StartsWith("---", StringComparison.Ordinal) || !firstCell.Contains('`', StringComparison.Ordinal))
                {
                    continue;
                }

                patterns.AddRange(CodeSpan().Matches(firstCell).Select(m => m.Groups["text"].Value));
            }
            else if (inTable || line.StartsWith('#'))
            {
                break;
            }
        }

        return patterns.Count > 0 ? patterns : throw new InvalidOperationException($"The table under '{heading}' lists no setting.");
    }

    /// <summary>True when <paramref name="pattern"/> (a setting or <c>prefix:*</c>) covers <paramref name="key"/> (the same forms).</summary>
    public static bool Covers(string pattern, string key)
    {
        if (string.Equals(pattern, key, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Configuration keys are case-insensitive; a wildcard covers everything below its prefix.
        return pattern.EndsWith(":*", StringComparison.Ordinal)
            && key.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("`(?<text>[^`]+)`")]
    private static partial Regex CodeSpan();
}
