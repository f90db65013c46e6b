using Microsoft.Extensions.Hosting;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Storage;

namespace RectifyFlows.Functions.Startup;

/// <summary>
/// On worker start, creates the ledger, cycle and outbox tables (what the standalone host's <c>LedgerInitializer</c>
/// does before its seed and key steps, which the Functions app does not take). Idempotent; a few point calls per start.
/// </summary>
public sealed class StorageInitializer(StorageSchema schema, OutboxRepository outbox) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await schema.CreateIfNotExistsAsync(cancellationToken);
        await outbox.CreateIfNotExistsAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
