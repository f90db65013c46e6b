using System.Diagnostics;
using Microsoft.DurableTask.Client;

namespace RectifyFlows.Bench.Engine;

/// <summary>
/// Waits for a batch of instances by instance-id prefix with one paged query every half second, instead of one
/// status read per instance: the query is one request per page whatever the batch size, and the engine's own
/// timestamps (created, last updated) give each instance's times more precisely than a poll could.
/// </summary>
internal sealed class Instances(DurableTaskClient client)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Status queries (pages) sent so far, to tell them apart from the engine's own requests.</summary>
    public int Queries { get; private set; }

    public async Task<IReadOnlyList<OrchestrationMetadata>> ListAsync(string prefix, bool withOutputs, CancellationToken cancellationToken)
    {
        var all = new List<OrchestrationMetadata>();
        var query = new OrchestrationQuery { InstanceIdPrefix = prefix, PageSize = 1000, FetchInputsAndOutputs = withOutputs };
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages().WithCancellation(cancellationToken))
        {
            Queries++;
            all.AddRange(page.Values);
        }

        return all;
    }

    /// <summary>Waits until <paramref name="count"/> instances of the prefix are in <paramref name="status"/>; fails fast on a failed one.</summary>
    public async Task<IReadOnlyList<OrchestrationMetadata>> WaitForAsync(
        string prefix, int count, OrchestrationRuntimeStatus status, TimeSpan timeout, bool withOutputs, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            var instances = await ListAsync(prefix, withOutputs: false, cancellationToken);
            var failed = instances.FirstOrDefault(i => i.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated);
            if (failed is not null)
            {
                var details = await client.GetInstanceAsync(failed.InstanceId, getInputsAndOutputs: true, cancellationToken);
                throw new InvalidOperationException(
                    $"Instance {failed.InstanceId} is {failed.RuntimeStatus}: {details?.FailureDetails?.ErrorMessage ?? details?.SerializedOutput}");
            }

            var reached = instances.Count(i => i.RuntimeStatus == status);
            if (reached >= count)
            {
                return withOutputs ? await ListAsync(prefix, withOutputs: true, cancellationToken) : instances;
            }

            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"Only {reached} of {count} instances '{prefix}*' were {status} after {timeout.TotalSeconds:0} s.");
            }

            if (waited.Elapsed - lastReport > TimeSpan.FromSeconds(15))
            {
                lastReport = waited.Elapsed;
                Progress.Write($"  {reached}/{count} {status} after {waited.Elapsed.TotalSeconds:0} s");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
