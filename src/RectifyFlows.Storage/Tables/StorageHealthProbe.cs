using Azure;
using Azure.Data.Tables;

namespace RectifyFlows.Storage.Tables;

/// <summary>Whether Table Storage answers: the check behind <c>/healthz</c> in both hosts.</summary>
public sealed class StorageHealthProbe(LedgerTables tables, StorageReadiness readiness)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Null when healthy; otherwise the kind of failure, for the health response.</summary>
    public async Task<string?> FindProblemAsync(CancellationToken cancellationToken)
    {
        if (readiness.Problem is { } startup)
        {
            return startup;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            // A point read of a row that never exists: one cheap round trip that proves the table answers.
            await tables.Ledger.GetEntityIfExistsAsync<TableEntity>("healthz", "healthz", cancellationToken: timeout.Token);
            return null;
        }
        // AuthenticationFailedException: the identity has no token (yet); a 403 is a RequestFailedException.
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or AggregateException or Azure.Identity.AuthenticationFailedException)
        {
            return ex.GetType().Name;
        }
    }
}
