using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RectifyFlows.Testing;

/// <summary>One request of a .http file, with the statuses its <c># expect:</c> line allows (null: any below 400).</summary>
public sealed record HttpFileRequest(string Method, string Url, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body, int[]? Expected)
{
    public bool Allows(int status) => Expected is { } allowed ? allowed.Contains(status) : status < 400;
}

/// <summary>
/// The subset of the .http format <c>docs/http/rectifyflows.http</c> uses: @variables, ### separators, # comments,
/// "&lt; file" bodies, <c># expect: 200, 404</c> lines. The one parser for every test that runs the file.
/// </summary>
public static partial class HttpFile
{
    public static string Path => System.IO.Path.Combine(RepositoryFiles.Root, "docs", "http", "rectifyflows.http");

    /// <summary>Reads the repository's .http file with <c>{{baseUrl}}</c> set to <paramref name="baseUrl"/> ("" gives path-and-query URLs).</summary>
    public static IReadOnlyList<HttpFileRequest> Read(string baseUrl) =>
        Parse(File.ReadAllText(Path), baseUrl, System.IO.Path.GetDirectoryName(Path)!);

    public static IReadOnlyList<HttpFileRequest> Parse(string text, string baseUrl, string folder)
    {
        ArgumentNullException.ThrowIfNull(text);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in VariablePattern().Matches(text))
        {
            variables[match.Groups[1].Value] = match.Groups[2].Value.Trim();
        }

        variables["baseUrl"] = baseUrl;
        string Expand(string value) => PlaceholderPattern().Replace(value, m => variables.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

        var examples = new List<HttpFileRequest>();
        foreach (var block in text.Split("###").Skip(1))
        {
            var lines = block.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            int[]? expected = null;
            var start = -1;
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].StartsWith("# expect:", StringComparison.Ordinal))
                {
                    expected = [.. lines[i]["# expect:".Length..].Split(',').Select(s => int.Parse(s.Trim(), CultureInfo.InvariantCulture))];
                }
                else if (RequestLinePattern().IsMatch(lines[i]))
                {
                    start = i;
                    break;
                }
            }

            if (start < 0)
            {
                continue;
            }

            var parts = lines[start].Split(' ', 2);
            var headers = new List<(string, string)>();
            var j = start + 1;
            for (; j < lines.Count && lines[j].Length > 0; j++)
            {
                var colon = lines[j].IndexOf(':', StringComparison.Ordinal);
                headers.Add((lines[j][..colon].Trim(), Expand(lines[j][(colon + 1)..].Trim())));
            }

            var bodyText = string.Join('\n', lines.Skip(j + 1).Where(l => !l.StartsWith('#'))).Trim();
            byte[]? body = bodyText.Length == 0 ? null
                : bodyText.StartsWith("< ", StringComparison.Ordinal) ? File.ReadAllBytes(System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, bodyText[2..].Trim())))
                : Encoding.UTF8.GetBytes(Expand(bodyText));
            examples.Add(new(parts[0], Expand(parts[1].Trim()), headers, body, expected));
        }

        return examples;
    }

    [GeneratedRegex(@"^@(\w+)\s*=\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"^(GET|POST|PUT|DELETE|PATCH|OPTIONS) \S+")]
    private static partial Regex RequestLinePattern();
}
