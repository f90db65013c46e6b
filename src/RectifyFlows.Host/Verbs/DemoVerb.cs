using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RectifyFlows.Domain.Time;
using RectifyFlows.Domain.Webhooks;

namespace RectifyFlows.Host.Verbs;

/// <summary>
/// <c>demo</c>: runs the host in the Fast environment and replays a month of the seed case against it over HTTP, in
/// about two minutes — opens the monthly cycle, posts the four supervision teams' signed results (two first
/// secretaries short of 20 days on site), lets a measure run past its due date, waits for the bulletin, the handling
/// and the ladder, then prints where to read everything and keeps serving until Ctrl+C.
/// </summary>
public static class DemoVerb
{
    private const string Operator = "dev-operator-key";
    private const string Leader = "dev-leader-key";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The verb; what follows it (e.g. <c>--urls</c>) goes to the web host it runs.</summary>
    public static Command Command()
    {
        var command = new Command("demo", "Replay a month of the seed case in the Fast profile (about two minutes); host options such as --urls pass through.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, _) => RunAsync([.. parse.UnmatchedTokens]));
        return command;
    }

    private static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = "Fast" });
        builder.AddRectifyFlowsHost();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        app.UseRectifyFlowsHost();
        await app.StartAsync();
        var baseUrl = app.Urls.First().Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal);
        var secret = app.Configuration["RectifyFlows:Webhooks:DevelopmentSecret"]!;
        using var office = Client(baseUrl, Operator);
        using var leader = Client(baseUrl, Leader);

        Say($"RectifyFlows 演示 (Fast profile) — {baseUrl}");
        var month = await FreeMonthAsync(office);
        Say($"1. 开启 {month} 月度督查（一督查、一通报、一处理）");
        await office.PostAsync(new Uri($"api/cycles/monthly/{month}", UriKind.Relative), new StringContent(string.Empty));
        await WaitAsync(office, $"api/cycles/monthly/{month}", s => s["phase"]?.GetValue<string>() is "Collecting" or "Done", "督查开始");

        Say("2. 四个督查组报送督查结果（签名 webhook）");
        object[] results =
        [
            Result($"demo-{month}-team-1", month, "team-1", "tw-shiyuan", Attendance("cad-0001", 15), Attendance("cad-0007", 18)),
            Result($"demo-{month}-team-2", month, "team-2", "tw-meilin", Finding("project", "high", "扶贫项目长期停工，群众反映强烈")),
            Result($"demo-{month}-team-3", month, "team-3", "dept-nongliang", Finding("work", "medium", "产业发展指导台账不全")),
            Result($"demo-{month}-team-4", month, "team-4", "tw-hanfang"),
        ];
        foreach (var result in results)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(result, Web);
            using var content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } };
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/webhooks/inspection-results", UriKind.Relative)) { Content = content };
            request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(secret, DateTimeOffset.UtcNow, body));
            var response = await office.SendAsync(request);
            Say($"   {JsonNode.Parse(body)!["teamId"]} → {(int)response.StatusCode}");
        }

        var today = ChinaTime.Today(TimeProvider.System);
        Say("3. 退回措施 p5-m2（成效材料不完整），新时限为今天：逾期升级链开始（演示中一天 = 2 秒）");
        await leader.PostAsJsonAsync(new Uri("api/measures/p5-m2/signoff", UriKind.Relative),
            new { decision = "return", comment = "成效材料不完整，退回继续整改", newDueDate = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

        var cycle = await WaitAsync(office, $"api/cycles/monthly/{month}", s => s["runtimeStatus"]?.GetValue<string>() == "Completed", "通报、处理、归档");
        Say($"4. 月度督查完成：{cycle["teamsReported"]} 个督查组报送，发现问题 {cycle["findings"]} 个，启动问责 {cycle["actionsOpened"]} 项");
        await WaitAsync(office, "api/notifications?kind=escalation3",
            s => s["items"]!.AsArray().Any(m => m!["idempotencyKey"]!.GetValue<string>().Contains("|p5-m2|", StringComparison.Ordinal)), "逾期三级问责");
        Say("   措施 p5-m2 逾期：一级（牵头单位）、二级（牵头区领导，下期通报点名）、三级（下达督办单）均已发出");

        var actions = await GetAsync(office, $"api/actions?source=monthly-{month}");
        foreach (var action in actions["items"]!.AsArray())
        {
            Say($"   {action!["kindName"]} · {action["unitId"]} {action["personId"]} · {action["reason"]}");
        }

        var messages = await GetAsync(office, "api/notifications");
        var byKind = messages["items"]!.AsArray().GroupBy(m => m!["kind"]!.GetValue<string>()).Select(g => $"{g.Key} {g.Count()}");
        Say($"5. 通知（发件箱，按幂等键只写一次）：{string.Join("，", byKind)}");
        Say("");
        Say($"   月报（HTML，打印为 A4）: {baseUrl}/api/reports/monthly/{month}   （请求头 X-Api-Key: {Operator}）");
        Say($"   月报 JSON / CSV:        {baseUrl}/api/reports/monthly/{month}?format=json   ?format=csv");
        Say($"   问责事项:               {baseUrl}/api/actions");
        Say($"   通知日志:               {baseUrl}/api/notifications");
        Say($"   措施 p5-m2 及其历史:     {baseUrl}/api/measures/p5-m2");
        Say("   邮件: MailDev 收件箱 http://127.0.0.1:1080 （派发器经 SMTP 投递发件箱中的邮件；投递状态见通知日志）");
        Say("");
        Say("演示数据保存在 .data/azurite。按 Ctrl+C 结束。");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static HttpClient Client(string baseUrl, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>2017-03, or the next month without a cycle yet (so the demo can run again on the same data).</summary>
    private static async Task<string> FreeMonthAsync(HttpClient client)
    {
        for (var month = new DateOnly(2017, 3, 1); month.Year < 2030; month = month.AddMonths(1))
        {
            var period = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            if ((await client.GetAsync(new Uri($"api/cycles/monthly/{period}", UriKind.Relative))).StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return period;
            }
        }

        throw new InvalidOperationException("No free month for the demo.");
    }

    private static async Task<JsonNode> WaitAsync(HttpClient client, string path, Func<JsonNode, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            if (response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync()) is { } status && done(status))
            {
                return status;
            }

            await Task.Delay(1000);
        }

        throw new TimeoutException($"Demo step '{what}' did not finish in 3 minutes ({path}).");
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string path) =>
        JsonNode.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative)))!;

    private static object Result(string eventId, string month, string teamId, string unitId, params object[] findings) =>
        new { eventId, month, teamId, unitId, inspectedAt = DateTimeOffset.UtcNow, findings };

    private static object Attendance(string personId, int days) => new
    {
        kind = "attendance", severity = "medium", personId, subject = $"第一书记当月驻村{days}天", detail = $"驻村{days}天，不足20天", daysOnSite = days,
    };

    private static object Finding(string kind, string severity, string subject) => new { kind, severity, subject, detail = subject + "（督查组现场核实）" };

    private static void Say(string line) => Console.WriteLine(line);
}
