using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using RectifyFlows.Notifications.Dispatch;
using RectifyFlows.Notifications.Email;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Notifications.Robots;
using RectifyFlows.Notifications.Sms;
using RectifyFlows.Storage;
using RectifyFlows.Storage.Units;

namespace RectifyFlows.Notifications.Tests;

/// <summary>An outbox on its own tables in the shared Azurite, and dispatchers over it pointed at a MailDev.</summary>
internal sealed class OutboxHarness : IAsyncDisposable
{
    public const string OfficeUnitId = "office-ganxian";
    public const string OfficeEmail = "dudaoban@ganxian.gov.cn";

    private readonly LedgerFixture _ledger;

    private OutboxHarness(LedgerFixture ledger, OutboxRepository outbox, NotificationOptions options, TimeProvider time)
    {
        _ledger = ledger;
        Outbox = outbox;
        Options = options;
        Time = time;
    }

    public OutboxRepository Outbox { get; }

    /// <summary>The ledger services (units, for the contact directory).</summary>
    public LedgerFixture Ledger => _ledger;
    public NotificationOptions Options { get; }
    public TimeProvider Time { get; }

    public static async Task<OutboxHarness> CreateAsync(int smtpPort, TimeProvider time, CancellationToken cancellationToken)
    {
        var ledger = await LedgerFixture.CreateAsync(time);
        var outbox = new OutboxRepository(
            ledger.Get<TableServiceClient>(),
            Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = ledger.ConnectionString, TablePrefix = ledger.Prefix }),
            time);
        await outbox.CreateIfNotExistsAsync(cancellationToken);
        var options = new NotificationOptions
        {
            Smtp = new SmtpOptions
            {
                Host = "127.0.0.1",
                Port = smtpPort,
                UseStartTls = false,
                From = "dudao@ganxian.gov.cn",
                Timeout = TimeSpan.FromSeconds(10),
                ConnectRetries = 0,
            },
            RetryBaseDelay = TimeSpan.FromMinutes(1),
            RetryMaxDelay = TimeSpan.FromMinutes(30),
            LeaseDuration = TimeSpan.FromMinutes(5),
            OfficeUnitId = OfficeUnitId,
            OfficeEmail = OfficeEmail,
            // The wall clock of a test run may fall in China's night; the quiet-hours test turns them back on.
            QuietHours = new QuietHoursOptions { Enabled = false },
        };
        return new OutboxHarness(ledger, outbox, options, time);
    }

    /// <summary>A dispatcher as a fresh process would build it (nothing carried over but the tables).</summary>
    /// <summary>
    /// Asserts that the outbox row of <paramref name="message"/> has <paramref name="status"/> after
    /// <paramref name="attempts"/> attempts, and returns it for what a test checks beyond that.
    /// </summary>
    public async Task<OutboxRow> AssertRowAsync(OutboxMessage message, string status, int attempts, CancellationToken cancellationToken)
    {
        var row = await Outbox.GetRowAsync(message.RecipientId, message.IdempotencyKey, cancellationToken);
        Assert.IsNotNull(row, $"no outbox row for {message.IdempotencyKey}");
        Assert.AreEqual(status, row.Status);
        Assert.AreEqual(attempts, row.Attempts);
        return row;
    }

    public OutboxDispatcher NewDispatcher(DispatchHooks? hooks = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var http = new PlainHttpClientFactory();
        INotificationChannel[] channels =
        [
            new TwilioSmsChannel(http, options, NullLogger<TwilioSmsChannel>.Instance),
            new SmsGatewayChannel(http, options, Time, NullLogger<SmsGatewayChannel>.Instance),
            new WeComRobotChannel(http, options),
            new DingTalkRobotChannel(http, options, Time),
        ];
        return new OutboxDispatcher(
            Outbox, new SmtpEmailChannel(options, Time), channels, new OfficeDirectory(_ledger.Get<UnitRepository>(), options), options,
            hooks ?? new DispatchHooks(), Time, NullLogger<OutboxDispatcher>.Instance);
    }

    private sealed class PlainHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    public async ValueTask DisposeAsync()
    {
        await Outbox.Table.DeleteAsync();
        await Outbox.PendingTable.DeleteAsync();
        await _ledger.DisposeAsync();
    }
}
