using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RectifyFlows.Bench.Measurement;
using RectifyFlows.Bench.Province;
using RectifyFlows.Bench.Storage;
using RectifyFlows.DevServices;
using RectifyFlows.Notifications;
using RectifyFlows.Notifications.Dispatch;
using RectifyFlows.Notifications.Email;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Notifications.Templates;
using RectifyFlows.Storage;

namespace RectifyFlows.Bench.Mail;

/// <summary>
/// The <c>mail</c> scenario: N escalation mails written to the outbox and delivered to a MailDev by the outbox
/// dispatcher (the production code path, one SMTP connection per pass), then the same N mails sent by a naive loop
/// that opens a new SMTP connection per message; both timed, both counted back from MailDev.
/// </summary>
internal sealed class MailScenario(BenchOptions options, string repositoryRoot)
{
    private const int BatchSize = 1000;

    public async Task<MailResult> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Describe();
        var checks = new List<Check>();
        await using var storage = await BenchStorage.StartAsync(repositoryRoot, cancellationToken);
        var project = NodeProject.Locate(null, repositoryRoot);
        var (smtpPort, webPort) = (FreePort(), FreePort());
        await using var maildev = await MailDevServer.StartAsync(project, smtpPort, webPort, cancellationToken);
        Progress.Write($"MailDev started: SMTP {smtpPort}, web {webPort}.");
        using var http = new HttpClient { BaseAddress = maildev.WebUri, Timeout = TimeSpan.FromMinutes(5) };

        await using var services = BuildServices(storage, smtpPort);
        var outbox = services.GetRequiredService<OutboxRepository>();
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        await outbox.CreateIfNotExistsAsync(cancellationToken);
        var messages = Messages(options.Mails);

        // 1. Enqueue (the activities' side), in chunks as a cycle's activities would write them.
        var enqueue = Stopwatch.StartNew();
        foreach (var chunk in messages.Chunk(500))
        {
            await outbox.EnqueueAsync(chunk, cancellationToken);
        }

        enqueue.Stop();
        Progress.Write($"Enqueued {messages.Count:N0} messages in {enqueue.Elapsed.TotalSeconds:0.0} s.");

        // 2. The dispatcher, pass after pass until a pass finds nothing.
        var passes = 0;
        var sent = 0;
        var dispatchCounter = RectifyFlows.Storage.Tables.StorageRequestCounter.Begin();
        var dispatchCpu = (Process: Environment.CpuUsage.TotalTime, Azurite: storage.EmulatorCpuTime());
        var dispatch = Stopwatch.StartNew();
        while (true)
        {
            var result = await dispatcher.RunOnceAsync(cancellationToken);
            passes++;
            sent += result.Sent;
            if (result.Sent + result.Failed + result.Dead == 0)
            {
                break;
            }

            if (passes % 5 == 0)
            {
                Progress.Write($"Dispatcher: {sent:N0} sent after {passes} passes, {dispatch.Elapsed.TotalSeconds:0} s.");
            }
        }

        dispatch.Stop();
        var dispatcherCost = new MailCost(dispatchCounter.Requests, Environment.CpuUsage.TotalTime - dispatchCpu.Process,
            storage.EmulatorCpuTime() - dispatchCpu.Azurite);
        dispatchCounter.Dispose();
        var dispatcherDelivered = await CountAsync(http, cancellationToken);
        Progress.Write($"Dispatcher delivered {dispatcherDelivered:N0} in {dispatch.Elapsed.TotalSeconds:0.0} s ({passes} passes).");
        checks.Add(new Check("dispatcher marks every message sent", sent == messages.Count, $"{sent:N0} of {messages.Count:N0}"));
        checks.Add(new Check("MailDev holds one mail per message after the dispatcher", dispatcherDelivered == messages.Count, $"{dispatcherDelivered:N0}"));
        checks.Add(new Check("nothing left pending", (await outbox.ListDueAsync(DateTimeOffset.MaxValue, 10, cancellationToken)).Count == 0, "pending index empty"));
        using (var clear = await http.DeleteAsync(new Uri("api/email/all", UriKind.Relative), cancellationToken))
        {
            clear.EnsureSuccessStatusCode();
        }

        // 3. The naive loop: a connection per message, no outbox.
        var smtp = services.GetRequiredService<SmtpEmailChannel>().Options;
        var naiveCpu = Environment.CpuUsage.TotalTime;
        var naive = Stopwatch.StartNew();
        for (var i = 0; i < messages.Count; i++)
        {
            using var client = new SmtpClient { Timeout = 30_000 };
            await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None, cancellationToken);
            await client.SendAsync(EmailComposer.Compose(messages[i], smtp), cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            if ((i + 1) % 2000 == 0)
            {
                Progress.Write($"Naive loop: {i + 1:N0} sent, {naive.Elapsed.TotalSeconds:0} s.");
            }
        }

        naive.Stop();
        var naiveCost = new MailCost(0, Environment.CpuUsage.TotalTime - naiveCpu, null);
        var naiveDelivered = await CountAsync(http, cancellationToken);
        Progress.Write($"Naive loop delivered {naiveDelivered:N0} in {naive.Elapsed.TotalSeconds:0.0} s.");
        checks.Add(new Check("MailDev holds one mail per message after the naive loop", naiveDelivered == messages.Count, $"{naiveDelivered:N0}"));
        using (var clear = await http.DeleteAsync(new Uri("api/email/all", UriKind.Relative), cancellationToken))
        {
            clear.EnsureSuccessStatusCode();
        }

        // 4. MailDev's own ceiling for one sender: one connection kept open for every message, no storage at all. The
        // dispatcher does the same SMTP work plus its Table Storage claims, so its share of this is the storage's price.
        var pooled = Stopwatch.StartNew();
        using (var client = new SmtpClient { Timeout = 30_000 })
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, SecureSocketOptions.None, cancellationToken);
            foreach (var message in messages)
            {
                await client.SendAsync(EmailComposer.Compose(message, smtp), cancellationToken);
            }

            await client.DisconnectAsync(true, cancellationToken);
        }

        pooled.Stop();
        var pooledDelivered = await CountAsync(http, cancellationToken);
        Progress.Write($"One pooled connection delivered {pooledDelivered:N0} in {pooled.Elapsed.TotalSeconds:0.0} s.");
        checks.Add(new Check("MailDev holds one mail per message after the pooled loop", pooledDelivered == messages.Count, $"{pooledDelivered:N0}"));

        await outbox.Table.DeleteAsync(cancellationToken);
        await outbox.PendingTable.DeleteAsync(cancellationToken);
        return new MailResult(startedAt, machine, storage.Description, messages.Count, BatchSize, enqueue.Elapsed, dispatch.Elapsed, passes,
            dispatcherDelivered, naive.Elapsed, naiveDelivered, pooled.Elapsed, pooledDelivered, checks)
        {
            DispatcherCost = dispatcherCost,
            NaiveCost = naiveCost,
        };
    }

    private static ServiceProvider BuildServices(BenchStorage storage, int smtpPort)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RectifyFlows:Notifications:Smtp:Host"] = "127.0.0.1",
            ["RectifyFlows:Notifications:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["RectifyFlows:Notifications:Smtp:UseStartTls"] = "false",
            ["RectifyFlows:Notifications:Smtp:From"] = "dudao@ganxian.example.gov.cn",
            ["RectifyFlows:Notifications:BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
            // The bench measures delivery, not the production rate limit (email 120/min).
            ["RectifyFlows:Notifications:PerMinute:email"] = "100000000",
            ["RectifyFlows:Notifications:Burst"] = "10000",
            ["RectifyFlows:Notifications:QuietHours:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.Configure<StorageOptions>(o =>
        {
            o.ConnectionString = storage.ConnectionString;
            o.TablePrefix = storage.Prefix;
        });
        services.AddRectifyFlowsStorageServices();
        services.AddRectifyFlowsNotifications();
        services.AddRectifyFlowsDispatcher();
        return services.BuildServiceProvider();
    }

    /// <summary>Level-1 escalations to N synthetic units, rendered by the production template.</summary>
    private static List<OutboxMessage> Messages(int count) =>
        [.. Enumerable.Range(1, count).Select(i =>
        {
            var measure = string.Create(CultureInfo.InvariantCulture, $"措施{i % 33 + 1}：第{i}项整改措施（压测）");
            var content = NotificationTemplates.EscalationOf(1, new NotificationFields
            {
                Measure = measure,
                Unit = string.Create(CultureInfo.InvariantCulture, $"压测单位{i:00000}"),
                DueDate = new DateOnly(2017, 3, 31),
                DaysOverdue = 0,
                Link = string.Create(CultureInfo.InvariantCulture, $"/api/measures/bench-{i}"),
            });
            var unit = string.Create(CultureInfo.InvariantCulture, $"bench-unit-{i:00000}");
            return new OutboxMessage
            {
                IdempotencyKey = string.Create(CultureInfo.InvariantCulture, $"escalation|measure|bench-{i}|2017-03-31|level1|{unit}|email"),
                RecipientId = unit,
                RecipientName = string.Create(CultureInfo.InvariantCulture, $"压测单位{i:00000}"),
                Address = string.Create(CultureInfo.InvariantCulture, $"unit{i:00000}@ganxian.example.gov.cn"),
                Kind = content.Kind,
                Subject = content.Subject,
                Body = content.Text,
                Html = content.Html,
                Fields = content.Fields,
            };
        })];

    private static async Task<int> CountAsync(HttpClient http, CancellationToken cancellationToken)
    {
        // MailDev accepts at SMTP before it lists the mail; give it a moment to settle.
        var last = -1;
        for (var i = 0; i < 30; i++)
        {
            await using var stream = await http.GetStreamAsync(new Uri("api/email", UriKind.Relative), cancellationToken);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            var count = document.RootElement.GetArrayLength();
            if (count == last)
            {
                return count;
            }

            last = count;
            await Task.Delay(500, cancellationToken);
        }

        return last;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
