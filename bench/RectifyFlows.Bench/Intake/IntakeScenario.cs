using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RectifyFlows.Bench.Measurement;
using RectifyFlows.Bench.Storage;
using RectifyFlows.Domain.Webhooks;
using RectifyFlows.Host;
using RectifyFlows.Host.Durable;

namespace RectifyFlows.Bench.Intake;

/// <summary>
/// Signed webhook intake over loopback: the whole standalone host (Kestrel, signature check, replay store, validation,
/// storage of the result, the durable look-up of a collecting cycle) receives inspection results at concurrency 1, 16
/// and 64; in the same run, raw single-entity inserts into Azurite at the same concurrency give the floor any storage-
/// backed request stands on. The ratio says how much of the storage's speed the intake keeps.
/// </summary>
internal sealed class IntakeScenario(BenchOptions options, string repositoryRoot)
{
    public static readonly int[] Levels = [1, 16, 64];
    private const string Secret = "bench-signing-secret";
    private const string OperatorKey = "bench-operator-key-0123456789";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public async Task<IntakeResult> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        await using var storage = await BenchStorage.StartAsync(repositoryRoot, cancellationToken);
        await using var app = BuildHost(storage);
        await app.StartAsync(cancellationToken);
        var baseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        Progress.Write($"Host serving {baseUrl}.");

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromMinutes(2),
        };
        await WaitForSeedAsync(client, cancellationToken);

        var raw = storage.Tables.Service.GetTableClient(storage.Prefix + "RawInserts");
        await raw.CreateIfNotExistsAsync(cancellationToken);

        // A warm-up first, so JIT, the unit directory and the cycle's state are not in the figures.
        var warm = Math.Min(200, options.Requests);
        await RunLevelAsync("warm", 16, warm, i => PostAsync(client, $"warm-{i}", cancellationToken), cancellationToken);
        await RunLevelAsync("warm", 16, 200, i => InsertAsync(raw, "warm", i, cancellationToken), cancellationToken);

        // Counted, not timed: storage round trips per accepted webhook, sequentially, after the warm-up (unit directory
        // loaded, the cycle's state known). Table requests of the app and its batches, and the client's durable calls
        // that reach storage (a raise is a control-queue message, a status read an Instances query); the engine's own
        // polling is reported beside them, not in them.
        var rounds = await CountRoundTripsAsync(app, storage, client, cancellationToken);

        var rows = new List<IntakeRow>();
        foreach (var level in Levels)
        {
            Progress.Write($"Concurrency {level}: {options.Requests} signed webhooks, then {options.Requests} raw inserts.");
            // And at each level, so the connections a higher level opens (and the threads it needs) are set up before
            // its figures are taken: the row is the level's steady state, for both sides alike.
            await RunLevelAsync("warm", level, warm, i => PostAsync(client, $"warm-c{level}-{i}", cancellationToken), cancellationToken);
            await RunLevelAsync("warm", level, warm, i => InsertAsync(raw, $"warm-c{level}", i, cancellationToken), cancellationToken);
            var webhook = await RunLevelAsync("webhook", level, options.Requests, i => PostAsync(client, $"c{level}-{i}", cancellationToken), cancellationToken);
            var insert = await RunLevelAsync("insert", level, options.Requests, i => InsertAsync(raw, $"c{level}", i, cancellationToken), cancellationToken);
            rows.Add(new IntakeRow(level, webhook, insert));
        }

        // Check: every accepted event is stored once (the bench's numbers mean nothing if requests were refused). The
        // result row is the event's record (issue 13), so the month's results are the events.
        var stored = 0;
        await foreach (var _ in storage.Get<RectifyFlows.Storage.Tables.FeatureTables>().InspectionResults.QueryAsync<TableEntity>(
            "PartitionKey eq '2017-05'", select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            stored++;
        }

        var expected = warm + rounds.Requests + (Levels.Length * (warm + options.Requests));
        await app.StopAsync(cancellationToken);
        return new IntakeResult(startedAt, MachineInfo.Describe(), storage.Description, options.Requests, rows, stored, expected, rounds);
    }

    private static async Task<RoundTrips> CountRoundTripsAsync(WebApplication app, BenchStorage storage, HttpClient client, CancellationToken cancellationToken)
    {
        const int Count = 100;
        var taskHub = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DurableEngineOptions>>().Value.TaskHubName;
        using var traffic = StorageTraffic.Begin(
            new Azure.Storage.Blobs.BlobServiceClient(storage.ConnectionString).Uri, new Azure.Storage.Queues.QueueServiceClient(storage.ConnectionString).Uri,
            storage.Tables.Service.Uri, storage.Prefix, taskHub, app.Services.GetRequiredService<DurableSidecarAddress>().Uri);
        var before = traffic.Snapshot();
        for (var i = 0; i < Count; i++)
        {
            await PostAsync(client, $"counted-{i}", cancellationToken);
        }

        var spent = traffic.Snapshot().Minus(before);
        long Sidecar(string call) => spent.Of(TrafficOwner.Sidecar, call);
        return new RoundTrips(Count, spent.Of(TrafficOwner.RectifyFlows) + spent.Of(TrafficOwner.Batch),
            Sidecar("RaiseEvent"), Sidecar("GetInstance") + Sidecar("QueryInstances"), spent.Of(TrafficOwner.Durable));
    }

    private WebApplication BuildHost(BenchStorage storage)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RectifyFlows:Storage:ConnectionString"] = storage.ConnectionString,
            ["RectifyFlows:Storage:TablePrefix"] = storage.Prefix,
            ["RectifyFlows:Durable:TaskHubName"] = "intake" + Guid.NewGuid().ToString("N")[..10],
            ["RectifyFlows:Durable:WorkerId"] = "bench",
            ["RectifyFlows:DevServices:Enabled"] = "false",
            ["RectifyFlows:Schedules:Enabled"] = "false",
            ["RectifyFlows:Seed:PlanFile"] = Path.Combine(repositoryRoot, "seeds", "ganxian-2017.plan.json"),
            ["RectifyFlows:Auth:BootstrapOperatorKey"] = OperatorKey,
            ["RectifyFlows:Webhooks:SigningSecret"] = Secret,

            // The limiter protects a deployment from one noisy sender; the bench is that sender on purpose.
            ["RectifyFlows:Http:PermitsPerSecond"] = "100000",
            ["RectifyFlows:Http:Burst"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddRectifyFlowsHost();
        var app = builder.Build();
        app.UseRectifyFlowsHost();
        return app;
    }

    private static async Task WaitForSeedAsync(HttpClient client, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/units/tw-shiyuan", UriKind.Relative));
            request.Headers.Add("X-Api-Key", OperatorKey);
            using var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(500, cancellationToken);
        }

        throw new TimeoutException("The seed plan was not imported within two minutes.");
    }

    private static async Task PostAsync(HttpClient client, string eventId, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            eventId = "bench-" + eventId,
            month = "2017-05",
            teamId = "team-1",
            unitId = "tw-shiyuan",
            inspectedAt = "2017-05-15T10:00:00+08:00",
            findings = new[] { new { kind = "work", severity = "medium", subject = "产业发展指导台账不全", detail = "督查组现场核实" } },
        }, Web);
        using var content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/webhooks/inspection-results", UriKind.Relative)) { Content = content };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(Secret, DateTimeOffset.UtcNow, body));
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Webhook answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>One entity of about the size of a stored inspection result, inserted on its own (no batch).</summary>
    private static async Task InsertAsync(TableClient table, string partition, int i, CancellationToken cancellationToken) =>
        await table.AddEntityAsync(new TableEntity(partition, i.ToString("D7", CultureInfo.InvariantCulture))
        {
            ["Body"] = new string('x', 400),
            ["ReceivedAt"] = DateTimeOffset.UtcNow,
        }, cancellationToken);

    private static async Task<LevelStats> RunLevelAsync(string what, int concurrency, int count, Func<int, Task> send, CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                await send(i);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        clock.Stop();
        Array.Sort(latencies);
        cancellationToken.ThrowIfCancellationRequested();
        return new LevelStats(what, count, clock.Elapsed, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 99));
    }
}

/// <summary>One kind of request at one concurrency.</summary>
internal sealed record LevelStats(string What, int Count, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;
}

/// <summary>Webhook intake next to raw inserts at one concurrency.</summary>
internal sealed record IntakeRow(int Concurrency, LevelStats Webhook, LevelStats Insert)
{
    public double Ratio => Webhook.PerSecond / Insert.PerSecond;
}

/// <summary>Storage round trips of <see cref="Requests"/> sequential accepted webhooks.</summary>
internal sealed record RoundTrips(int Requests, long TableRequests, long Raises, long StatusReads, long EnginePolling)
{
    public double PerRequest => (TableRequests + Raises + StatusReads) / (double)Requests;

    public bool Passed => PerRequest <= 2;
}

/// <summary>The intake scenario's figures and what they ran on.</summary>
internal sealed record IntakeResult(
    DateTimeOffset StartedAt, string Machine, string Storage, int Requests, IReadOnlyList<IntakeRow> Rows, int StoredEvents, int ExpectedEvents, RoundTrips Rounds)
{
    public bool Passed => StoredEvents == ExpectedEvents && Rounds.Passed;

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Intake benchmark — {StartedAt:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Machine}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Storage: {Storage}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- {Requests} requests per row; signed `POST /api/webhooks/inspection-results` (HMAC check, replay store, unit look-up, result stored, cycle look-up) over loopback HTTP/1.1 to the standalone host in this process; raw = `TableClient.AddEntityAsync` of one ~400-byte entity.");
        text.AppendLine();
        text.AppendLine("| concurrency | webhook req/s | webhook p50 ms | webhook p99 ms | raw insert req/s | insert p50 ms | insert p99 ms | webhook / raw |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in Rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Concurrency} | {row.Webhook.PerSecond:0.0} | {row.Webhook.P50Ms:0.0} | {row.Webhook.P99Ms:0.0} | {row.Insert.PerSecond:0.0} | {row.Insert.P50Ms:0.0} | {row.Insert.P99Ms:0.0} | {row.Ratio:0.00} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Check: {StoredEvents} events stored for {ExpectedEvents} accepted requests — {(StoredEvents == ExpectedEvents ? "pass" : "FAIL")}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Check: storage round trips per accepted webhook ≤ 2 — {Rounds.PerRequest:0.00} ({Rounds.TableRequests} table requests, {Rounds.Raises} raises and {Rounds.StatusReads} status reads through the sidecar for {Rounds.Requests} sequential webhooks; the engine's own polling meanwhile: {Rounds.EnginePolling} requests, not the webhooks') — {(Rounds.Passed ? "pass" : "FAIL")}.");
        return text.ToString();
    }
}
