using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using RectifyFlows.Api.Auth;
using RectifyFlows.Api.Routing;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Domain.Webhooks;
using RectifyFlows.Storage.Auth;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Projects;

namespace RectifyFlows.Functions.Tests;

/// <summary>
/// Issue 11's parity proof: the scenario of <c>docs/http/rectifyflows.http</c> (the one <c>HttpFileTests</c> runs
/// against the standalone host), plus the dashboard's redirect and revalidation, the ledger XLSX round trip and a CORS
/// preflight, and every keyed route without a key and with a key of an excluded role, sent request by request to a development standalone host over Kestrel and to the Functions app's own
/// trigger methods in its Production composition (the harness). Each request must get the same status from both, and
/// every route of the shared route table must have been served.
/// </summary>
[TestClass]
public sealed partial class HostParityTests : FunctionsAppTests
{
    private const string HostSecret = "dev-webhook-secret";
    private const string FunctionsSecret = "parity-signing-secret-of-32-characters!";
    private const string PlanId = "ganxian-2017-xunshi6";

    // The development keys of the standalone host (appsettings.Development.json), registered in the Functions app's store.
    private static readonly (string Key, string Principal, string Role, string? Unit)[] DevelopmentKeys =
    [
        ("dev-operator-key", "dev-operator", Roles.Operator, null),
        ("dev-leader-key", "dev-leader", Roles.Leader, null),
        ("dev-team-1-key", "team-1", Roles.Team, null),
        ("dev-unit-fupin-key", "unit-dept-fupin", Roles.Unit, "dept-fupin"),
        ("dev-unit-caizheng-key", "unit-dept-caizheng", Roles.Unit, "dept-caizheng"),
        ("dev-unit-shiyuan-key", "unit-tw-shiyuan", Roles.Unit, "tw-shiyuan"),
    ];

    [TestMethod]
    [Timeout(TestTimeouts.Crash, CooperativeCancellation = true)]
    public async Task EveryRouteOfTheTable_AnswersTheHttpFileScenario_WithTheSameStatus_OnBothHosts()
    {
        var prefix = LedgerFixture.NewPrefix();
        await using var ledger = await LedgerFixture.CreateAsync(prefix: prefix);
        await using var host = await HostProcess.StartAsync(prefix);
        using var hostClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };

        var options = new FunctionsHarnessOptions();
        options.KeyVault.Set("webhook-signing-secret", FunctionsSecret);
        await using var app = await StartAppAsync(options);
        await SeedAsFirstStartDoesAsync(app, Ct);

        var served = new HashSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        async Task<(int Host, HarnessResponse Functions)> SendAsync(HttpFileRequest example)
        {
            var (hostStatus, _, _) = await SendToHostAsync(hostClient, example, Ct);
            var functions = await SendToFunctionsAsync(app, example, Ct);
            if (functions.FunctionName is { } name)
            {
                served.Add(name);
            }

            var same = example.Expected is { Length: > 1 } ? example.Allows(hostStatus) && example.Allows(functions.Status) : hostStatus == functions.Status && example.Allows(hostStatus);
            TestContext.WriteLine($"{example.Method} {example.Url}: host {hostStatus}, Functions {functions.Status} ({functions.FunctionName})");
            if (!same)
            {
                failures.Add($"{example.Method} {example.Url}: host {hostStatus}, Functions {functions}");
            }

            return (hostStatus, functions);
        }

        foreach (var example in HttpFile.Read(string.Empty))
        {
            await SendAsync(example);
        }

        // The dashboard: /dashboard redirects to /dashboard/ (relative links resolve), and a file the browser holds revalidates to 304.
        await SendAsync(new HttpFileRequest("GET", "/dashboard", [], null, [302]));
        var (_, script) = await SendAsync(new HttpFileRequest("GET", "/dashboard/charts.js", [], null, null));
        var (_, hostScriptEtag, hostCsp) = await SendToHostAsync(hostClient, new HttpFileRequest("GET", "/dashboard/charts.js", [], null, null), Ct);
        Assert.AreEqual(hostScriptEtag, script.Headers.GetValueOrDefault("ETag"), "the same file has the same ETag on both hosts");
        Assert.AreEqual(hostCsp, script.Headers.GetValueOrDefault("Content-Security-Policy"), "the same Content-Security-Policy on both hosts");
        await SendAsync(new HttpFileRequest("GET", "/dashboard/charts.js", [("If-None-Match", hostScriptEtag!)], null, [304]));

        // The ledger XLSX round trip: each host's own export, posted back unchanged, imports with nothing changed.
        var operatorKey = ("X-Api-Key", "dev-operator-key");
        var hostExport = await hostClient.SendAsync(WithKey(HttpMethod.Get, $"/api/plans/{PlanId}/ledger.xlsx"), Ct);
        var functionsExport = await app.InvokeHttpAsync("GET", $"/api/plans/{PlanId}/ledger.xlsx", [KeyValuePair.Create(operatorKey.Item1, operatorKey.Item2)], cancellationToken: Ct);
        var hostImport = await hostClient.SendAsync(WithKey(HttpMethod.Post, $"/api/plans/{PlanId}/ledger.xlsx",
            new ByteArrayContent(await hostExport.Content.ReadAsByteArrayAsync(Ct)) { Headers = { ContentType = new(Xlsx) } }), Ct);
        var functionsImport = await app.InvokeHttpAsync("POST", $"/api/plans/{PlanId}/ledger.xlsx",
            [KeyValuePair.Create(operatorKey.Item1, operatorKey.Item2), KeyValuePair.Create("Content-Type", Xlsx)], functionsExport.Body, Ct);
        served.Add(functionsImport.FunctionName ?? "(none)");
        Assert.AreEqual(200, (int)hostImport.StatusCode, await hostImport.Content.ReadAsStringAsync(Ct));
        Assert.AreEqual(200, functionsImport.Status, functionsImport.ToString());
        Assert.AreEqual(0, functionsImport.Json().GetProperty("changed").GetInt32(), functionsImport.ToString());

        // The projects ledger XLSX of the seed office (911 reconstructed projects), the same way: nothing changes.
        var hostProjects = await hostClient.SendAsync(WithKey(HttpMethod.Get, "/api/projects/ledger.xlsx?officeId=ganxian"), Ct);
        var functionsProjects = await app.InvokeHttpAsync("GET", "/api/projects/ledger.xlsx?officeId=ganxian", [KeyValuePair.Create(operatorKey.Item1, operatorKey.Item2)], cancellationToken: Ct);
        var hostProjectsImport = await hostClient.SendAsync(WithKey(HttpMethod.Post, "/api/projects/ledger.xlsx?officeId=ganxian",
            new ByteArrayContent(await hostProjects.Content.ReadAsByteArrayAsync(Ct)) { Headers = { ContentType = new(Xlsx) } }), Ct);
        var functionsProjectsImport = await app.InvokeHttpAsync("POST", "/api/projects/ledger.xlsx?officeId=ganxian",
            [KeyValuePair.Create(operatorKey.Item1, operatorKey.Item2), KeyValuePair.Create("Content-Type", Xlsx)], functionsProjects.Body, Ct);
        served.Add(functionsProjectsImport.FunctionName ?? "(none)");
        Assert.AreEqual(200, (int)hostProjectsImport.StatusCode, await hostProjectsImport.Content.ReadAsStringAsync(Ct));
        Assert.AreEqual(200, functionsProjectsImport.Status, functionsProjectsImport.ToString());
        var projectsResult = functionsProjectsImport.Json();
        Assert.AreEqual(projectsResult.GetProperty("rows").GetInt32(), projectsResult.GetProperty("unchanged").GetInt32(), functionsProjectsImport.ToString());

        // Enums in responses come from the API's one converter on both hosts: camelCase names, never numbers.
        foreach (var (path, read) in new (string, Func<System.Text.Json.JsonElement, string?>)[]
        {
            ("/api/units/dept-fupin", json => json.GetProperty("unit").GetProperty("kind").GetString()),
            ($"/api/plans/{PlanId}", json => json.GetProperty("sourceKind").GetString()),
        })
        {
            using var hostResponse = await hostClient.SendAsync(WithKey(HttpMethod.Get, path), Ct);
            var hostJson = System.Text.Json.JsonDocument.Parse(await hostResponse.Content.ReadAsByteArrayAsync(Ct)).RootElement;
            var functionsJson = (await app.InvokeHttpAsync("GET", path, [KeyValuePair.Create(operatorKey.Item1, operatorKey.Item2)], cancellationToken: Ct)).Json();
            var expected = path.StartsWith("/api/units/", StringComparison.Ordinal) ? "department" : "inspection";
            Assert.AreEqual(expected, read(hostJson), path + " on the standalone host");
            Assert.AreEqual(expected, read(functionsJson), path + " on the Functions app");
        }

        // A CORS preflight: the host's CORS middleware and the Functions app's catch-all OPTIONS trigger, from the same rules.
        await SendAsync(new HttpFileRequest("OPTIONS", "/api/measures", [("Origin", "https://evil.example"), ("Access-Control-Request-Method", "GET")], null, [204]));

        // Every keyed route refuses the same way on both hosts: no key → 401, a key of a role the policy excludes → 403.
        foreach (var route in ApiRoutes.All.Where(r => r.Policy is not null))
        {
            var path = RouteParameter().Replace(route.Pattern, "x");
            await SendAsync(new HttpFileRequest(route.Method, path, [], null, [401]));
            var outsider = route.Policy switch
            {
                Policies.AnyKey => null,
                Policies.Unit => "dev-operator-key",
                Policies.UnitOrOperator => "dev-leader-key",
                _ => "dev-unit-fupin-key",
            };
            if (outsider is not null)
            {
                await SendAsync(new HttpFileRequest(route.Method, path, [("X-Api-Key", outsider)], null, [403]));
            }
        }

        Assert.IsEmpty(failures, string.Join("\n", failures));
        var unserved = ApiRoutes.All.Select(r => r.Name).Where(name => !served.Contains(name)).ToList();
        Assert.IsEmpty(unserved, "routes of the table the scenario never reached (add them to docs/http/rectifyflows.http): " + string.Join(", ", unserved));
    }

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static HttpRequestMessage WithKey(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add("X-Api-Key", "dev-operator-key");
        return request;
    }

    /// <summary>What a development host's first start does before the .http file's first request: its keys, the seed plan, the seed district's projects.</summary>
    private static async Task SeedAsFirstStartDoesAsync(FunctionsHarness app, CancellationToken cancellationToken)
    {
        var keys = app.Services.GetRequiredService<ApiKeyStore>();
        foreach (var (key, principal, role, unit) in DevelopmentKeys)
        {
            await keys.RegisterAsync(key, principal, role, unit, "parity-test", cancellationToken);
        }

        var read = PlanReader.Read(await File.ReadAllBytesAsync(Path.Combine(RepositoryFiles.Root, "seeds", "ganxian-2017.plan.json"), cancellationToken));
        Assert.IsTrue(read.IsValid);
        await app.Services.GetRequiredService<PlanImporter>().ImportAsync(read.Plan!, "seed", cancellationToken);
        var projects = app.Services.GetRequiredService<ProjectRepository>();
        if ((await projects.ListByOfficeAsync(read.Plan!.DistrictId, cancellationToken)).Count == 0)
        {
            var refused = await projects.ImportAsync(read.Plan.DistrictId, SyntheticProjects.For(read.Plan), "seed", DateTimeOffset.UtcNow, "seed", cancellationToken);
            Assert.IsFalse(refused.HasErrors);
        }
    }

    private static async Task<(int Status, string? ETag, string? Csp)> SendToHostAsync(HttpClient client, HttpFileRequest example, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(example.Method), new Uri(example.Url, UriKind.Relative));
        var contentType = "application/json";
        foreach (var (name, value) in example.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else if (name != WebhookSignature.HeaderName)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (example.Body is not null)
        {
            request.Content = new ByteArrayContent(example.Body) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } };
        }

        if (example.Headers.Any(h => h.Name == WebhookSignature.HeaderName))
        {
            request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(HostSecret, DateTimeOffset.UtcNow, example.Body ?? []));
        }

        using var response = await client.SendAsync(request, cancellationToken);
        var csp = response.Headers.TryGetValues("Content-Security-Policy", out var policies) ? string.Join(",", policies) : null;
        return ((int)response.StatusCode, response.Headers.ETag?.ToString(), csp);
    }

    private static Task<HarnessResponse> SendToFunctionsAsync(FunctionsHarness app, HttpFileRequest example, CancellationToken cancellationToken)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in example.Headers.Where(h => h.Name != WebhookSignature.HeaderName))
        {
            headers.Add(KeyValuePair.Create(name, value));
        }

        if (example.Body is not null && !example.Headers.Any(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(KeyValuePair.Create("Content-Type", "application/json"));
        }

        if (example.Headers.Any(h => h.Name == WebhookSignature.HeaderName))
        {
            headers.Add(KeyValuePair.Create(WebhookSignature.HeaderName, WebhookSignature.Sign(FunctionsSecret, DateTimeOffset.UtcNow, example.Body ?? [])));
        }

        return app.InvokeHttpAsync(example.Method, ApiRoute.FunctionsPath(example.Url), headers, example.Body, cancellationToken);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex RouteParameter();
}
