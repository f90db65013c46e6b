using System.Text;
using System.Text.RegularExpressions;
using RectifyFlows.Domain.Webhooks;
using RectifyFlows.Testing;

namespace RectifyFlows.Host.Tests;

/// <summary>
/// Runs <c>docs/http/rectifyflows.http</c> top to bottom against a development host, as a reader would with an HTTP
/// client: every request must answer below 400 (or what its <c># expect:</c> line allows). Webhook bodies are signed
/// here, where the reader pastes the output of the <c>sign</c> verb.
/// </summary>
[TestClass]
public sealed partial class HttpFileTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public async Task HttpFile_EveryExampleWorks_AgainstAFreshDevelopmentHost()
    {
        var prefix = LedgerFixture.NewPrefix();
        await using var ledger = await LedgerFixture.CreateAsync(prefix: prefix);
        await using var host = await HostProcess.StartAsync(prefix);
        var path = Path.Combine(RepositoryFiles.Root, "docs", "http", "rectifyflows.http");
        var requests = Parse(await File.ReadAllTextAsync(path, TestContext.CancellationToken), host.BaseAddress.ToString().TrimEnd('/'), Path.GetDirectoryName(path)!);
        Assert.IsGreaterThanOrEqualTo(20, requests.Count, "the file covers the routes");

        using var client = host.Client();
        var failures = new List<string>();
        foreach (var example in requests)
        {
            using var request = new HttpRequestMessage(new HttpMethod(example.Method), new Uri(example.Url));
            var contentType = "application/json";
            foreach (var (name, value) in example.Headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = value;
                }
                else if (name != WebhookSignature.HeaderName)
                {
                    request.Headers.Add(name, value);
                }
            }

            if (example.Body is not null)
            {
                request.Content = new ByteArrayContent(example.Body) { Headers = { ContentType = new(contentType) } };
            }

            if (example.Headers.Any(h => h.Name == WebhookSignature.HeaderName))
            {
                request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(BadInputTests.DevSecret, DateTimeOffset.UtcNow, example.Body ?? []));
            }

            using var response = await client.SendAsync(request, TestContext.CancellationToken);
            var status = (int)response.StatusCode;
            TestContext.WriteLine($"{status} {example.Method} {example.Url}");
            if (example.Expected is { } allowed ? !allowed.Contains(status) : status >= 400)
            {
                failures.Add($"{example.Method} {example.Url} → {status}: {await response.Content.ReadAsStringAsync(TestContext.CancellationToken)}");
            }
        }

        Assert.IsEmpty(failures, string.Join("\n", failures));
    }

    private sealed record Example(string Method, string Url, List<(string Name, string Value)> Headers, byte[]? Body, int[]? Expected);

    /// <summary>The subset of the .http format the file uses: @variables, ### separators, # comments, "&lt; file" bodies.</summary>
    private static List<Example> Parse(string text, string baseUrl, string folder)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in VariablePattern().Matches(text))
        {
            variables[match.Groups[1].Value] = match.Groups[2].Value.Trim();
        }

        variables["baseUrl"] = baseUrl;
        string Expand(string value) => PlaceholderPattern().Replace(value, m => variables.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

        var examples = new List<Example>();
        foreach (var block in text.Split("###").Skip(1))
        {
            var lines = block.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            int[]? expected = null;
            var start = -1;
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].StartsWith("# expect:", StringComparison.Ordinal))
                {
                    expected = [.. lines[i]["# expect:".Length..].Split(',').Select(s => int.Parse(s.Trim(), System.Globalization.CultureInfo.InvariantCulture))];
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
                : bodyText.StartsWith("< ", StringComparison.Ordinal) ? File.ReadAllBytes(Path.GetFullPath(Path.Combine(folder, bodyText[2..].Trim())))
                : Encoding.UTF8.GetBytes(Expand(bodyText));
            examples.Add(new(parts[0], Expand(parts[1].Trim()), headers, body, expected));
        }

        return examples;
    }

    [GeneratedRegex(@"^@(\w+)\s*=\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"\{\{(\w+)\}\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"^(GET|POST|PUT|DELETE|PATCH) \S+")]
    private static partial Regex RequestLinePattern();
}
