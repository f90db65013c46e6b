using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using RectifyFlows.Api.Webhooks;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Operations.Telemetry;
using RectifyFlows.Storage.Telemetry;
using RectifyFlows.Storage.Webhooks;

namespace RectifyFlows.Operations.Tests;

/// <summary>The product's meters read the way an exporter reads them: through OpenTelemetry's in-memory exporter.</summary>
[TestClass]
public sealed class TelemetryTests : OperationsStoreTests
{
    [TestMethod]
    [Timeout(TestTimeouts.Host)]
    public async Task Meters_ReportOutboxDepthAndAge_AndWebhookRejectionsByReason_ThroughTheInMemoryExporter()
    {
        var exported = new List<Metric>();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(RectifyFlowsMetrics.MeterName).AddInMemoryExporter(exported).Build();
        var store = await CreateStoreAsync();
        // Three messages wait in the real outbox on Azurite: two mails, one SMS.
        await store.GetRequiredService<OutboxRepository>().EnqueueAsync(
        [
            new OutboxMessage { IdempotencyKey = "m|1", RecipientId = "d001-dept-fupin", Kind = "reminder", Subject = "提醒", Body = "请按期整改" },
            new OutboxMessage { IdempotencyKey = "m|2", RecipientId = "d001-dept-caizheng", Kind = "reminder", Subject = "提醒", Body = "请按期整改" },
            new OutboxMessage { IdempotencyKey = "m|3", RecipientId = "d001-dept-fupin", Kind = "escalation1", Subject = "督办", Body = "已逾期", Channel = "sms" },
        ], Ct);
        await store.GetRequiredService<OutboxGaugeSampler>().SampleAsync(Ct);

        // The real webhook pipeline: an unsigned delivery is refused (401) and counted under its reason.
        var pipeline = new SignedWebhookPipeline(
            Options.Create(new WebhookOptions { SigningSecret = "telemetry-test-secret" }), new ProductionEnvironment(), TimeProvider.System,
            store.GetRequiredService<WebhookEventRepository>());
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("{\"teamId\":\"team-1\",\"eventId\":\"evt-telemetry-1\"}"));
        var result = await pipeline.HandleAsync<object>(context.Request, new SignedWebhookRoute("telemetry-test", 65_536, ["teamId"]),
            (_, _) => Task.FromResult(WebhookOutcome.Accepted("never")));
        Assert.AreEqual(StatusCodes.Status401Unauthorized, ((IStatusCodeHttpResult)result).StatusCode);

        meters.ForceFlush();
        Assert.AreEqual(2L, Gauge(exported, "rectifyflows.outbox.depth", "channel", "email"));
        Assert.AreEqual(1L, Gauge(exported, "rectifyflows.outbox.depth", "channel", "sms"));
        Assert.IsTrue(exported.Any(m => m.Name == "rectifyflows.outbox.oldest_age"), "the age of the oldest waiting message is reported");
        var rejected = Points(exported, "rectifyflows.webhook.requests")
            .Where(p => Tag(p, "webhook") == "telemetry-test" && Tag(p, "outcome") == "rejected" && Tag(p, "reason") == "signature")
            .Sum(p => p.GetSumLong());
        Assert.AreEqual(1L, rejected, "one rejected delivery, reason signature");
    }

    private static long Gauge(List<Metric> metrics, string name, string tag, string value) =>
        Points(metrics, name).Where(p => Tag(p, tag) == value).Select(p => p.GetGaugeLastValueLong()).LastOrDefault();

    private static List<MetricPoint> Points(List<Metric> metrics, string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                points.Add(point);
            }
        }

        return points;
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }

    private sealed class ProductionEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "RectifyFlows.Operations.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
