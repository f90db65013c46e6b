using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RectifyFlows.Api.Auth;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Storage;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Functions.Startup;

/// <summary>
/// On worker start, creates the ledger, cycle and outbox tables and registers the configured API keys — the bootstrap
/// operator key from Key Vault among them (<see cref="ConfiguredKeyRegistrar"/>, shared with the standalone host).
/// </summary>
/// <remarks>
/// A fresh deployment's role assignments can take minutes to reach storage, and a worker whose hosted service throws
/// is stopped by the Functions host and restarted in a loop. So a failure here never throws: it is logged, reported to
/// <see cref="StorageReadiness"/> (the health route answers 503 with it) and retried with a growing delay until it
/// succeeds. Idempotent; a few point calls per start.
/// </remarks>
public sealed partial class StorageInitializer(
    StorageSchema schema,
    OutboxRepository outbox,
    ConfiguredKeyRegistrar keys,
    StorageReadiness readiness,
    TimeProvider time,
    ILogger<StorageInitializer> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(5);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _retries;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryInitializeAsync(cancellationToken))
        {
            _retries = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_retries is not null)
        {
            await _retries.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RetryAsync(CancellationToken stopping)
    {
        var delay = FirstRetry;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (await TryInitializeAsync(stopping))
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetry.Ticks));
        }
    }

    private async Task<bool> TryInitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await schema.CreateIfNotExistsAsync(cancellationToken);
            await outbox.CreateIfNotExistsAsync(cancellationToken);
            await keys.RegisterAsync(cancellationToken);
            if (readiness.Problem is not null)
            {
                LogRecovered();
            }

            readiness.ReportReady();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any failure (403 without table rights, no token for the identity yet, DNS): the worker must live on.
            readiness.ReportFailure($"start-up: {ex.GetType().Name}");
            LogFailed(ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage start-up failed (tables, configured keys); the health route answers 503 and the step is retried")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage start-up succeeded after earlier failures")]
    private partial void LogRecovered();
}
