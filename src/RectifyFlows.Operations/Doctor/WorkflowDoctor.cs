using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Storage.Audit;
using RectifyFlows.Storage.Operations;
using RectifyFlows.Storage.Telemetry;
using RectifyFlows.Workflows;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;

namespace RectifyFlows.Operations.Doctor;

/// <summary>
/// Finds workflow instances the store lost or broke and rebuilds them from the ledger — ladders and cycles are derived
/// state: an open measure or action without a ladder, a failed or terminated ladder of an open item, a cycle that
/// failed, and any ladder or cycle whose history is corrupt or that is stuck. A rebuilt ladder reloads its item and
/// fires only its latest past step, whose messages carry the same idempotency keys, so nothing is sent twice; a
/// rebuilt cycle reruns idempotent activities over the results already stored. Every repair leaves an audit row in
/// the operations log. Both hosts run it periodically; the standalone host also as the <c>doctor</c> verb.
/// </summary>
public sealed partial class WorkflowDoctor
{
    private const int Parallelism = 8;

    private readonly DurableTaskClient _client;
    private readonly OpenItems _openItems;
    private readonly TaskHubStore _taskHub;
    private readonly OperationsLog _log;
    private readonly OperationsOptions _options;
    private readonly EscalationLadderOptions _ladder;
    private readonly TimeProvider _time;
    private readonly EscalationStarter _escalations;
    private readonly CycleStarter _cycles;
    private readonly ILogger<WorkflowDoctor> _logger;

    public WorkflowDoctor(
        DurableTaskClient client, OpenItems openItems, TaskHubStore taskHub, OperationsLog log, IOptions<OperationsOptions> options, IOptions<WorkflowOptions> workflows,
        RunningCycles runningCycles, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(workflows);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _client = client;
        _openItems = openItems;
        _taskHub = taskHub;
        _log = log;
        _options = options.Value;
        _ladder = workflows.Value.Escalation;
        _time = time;
        // Built here, over the same client: in the Functions app the client exists only per invocation (BoundClient).
        _escalations = new EscalationStarter(client, loggerFactory.CreateLogger<EscalationStarter>());
        _cycles = new CycleStarter(client, runningCycles, loggerFactory.CreateLogger<CycleStarter>());
        _logger = loggerFactory.CreateLogger<WorkflowDoctor>();
    }

    /// <summary>One pass: checks every open item's ladder and every cycle; repairs what it finds unless <paramref name="repair"/> is false.</summary>
    public async Task<DoctorReport> RunAsync(bool repair, CancellationToken cancellationToken)
    {
        using var activity = RectifyFlowsMetrics.ActivitySource.StartActivity("doctor");
        var findings = new ConcurrentBag<DoctorFinding>();
        var levels = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var items = await _openItems.ReadAsync(cancellationToken);
        // Actions a cycle step opened together share one ladder (ADR 0020): each ladder is checked, and rebuilt, once.
        var ladders = items.GroupBy(i => i.Item.EscalationInstanceId, StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(ladders, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (ladder, ct) =>
            {
                // The member changed last: a ladder being started for it right now is not yet missing.
                var latest = ladder.MaxBy(i => i.ChangedAt)!;
                var (problem, level) = await DiagnoseLadderAsync(latest, ct);
                if (level is not null)
                {
                    var members = ladder.Count();
                    levels.AddOrUpdate(level, members, (_, n) => n + members);
                }

                if (problem is not null)
                {
                    findings.Add(new DoctorFinding(ladder.Key, "ladder", problem,
                        repair && await RepairLadderAsync(ladder.Key, [.. ladder.Select(i => i.Item)], latest.DueDate, problem, ct)));
                }
            });
        RectifyFlowsMetrics.ObserveOpenLadders(levels);

        var cyclesChecked = 0;
        var now = _time.GetUtcNow();
        var since = CyclesObservedUntil ?? now - _options.DoctorInterval;
        foreach (var kind in Enum.GetValues<CycleKind>())
        {
            var prefix = CyclePeriods.Slug(kind) + "-";
            await foreach (var cycle in _client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix }).WithCancellation(cancellationToken))
            {
                cyclesChecked++;
                ObserveFinished(kind, cycle, since, now);
                if (await DiagnoseCycleAsync(cycle, cancellationToken) is { } problem)
                {
                    var period = cycle.InstanceId[prefix.Length..];
                    findings.Add(new DoctorFinding(cycle.InstanceId, "cycle", problem, repair && await RepairCycleAsync(kind, period, cycle, problem, cancellationToken)));
                }
            }
        }

        CyclesObservedUntil = now;
        var report = new DoctorReport(ladders.Count, cyclesChecked, [.. findings.OrderBy(f => f.InstanceId, StringComparer.Ordinal)]);
        LogPass(report.LaddersChecked, report.CyclesChecked, report.Findings.Count, report.Repaired);
        return report;
    }

    /// <summary>Until when finished cycles were recorded in the cycle-duration meter (per process; the first pass looks one interval back).</summary>
    private static DateTimeOffset? CyclesObservedUntil { get; set; }

    /// <summary>Cycles end inside the engine, where a meter call would repeat on every replay: the pass records them instead.</summary>
    private static void ObserveFinished(CycleKind kind, OrchestrationMetadata cycle, DateTimeOffset since, DateTimeOffset now)
    {
        if (cycle.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated
            && cycle.LastUpdatedAt > since && cycle.LastUpdatedAt <= now)
        {
            RectifyFlowsMetrics.CycleFinished(CyclePeriods.Slug(kind), cycle.RuntimeStatus.ToString().ToLowerInvariant(), cycle.LastUpdatedAt - cycle.CreatedAt);
        }
    }

    /// <summary>What is wrong with an open item's ladder (null: healthy), and the level a healthy running one has reached.</summary>
    private async Task<(string? Problem, string? Level)> DiagnoseLadderAsync(OpenItem open, CancellationToken cancellationToken)
    {
        var (item, dueDate) = (open.Item, open.DueDate);
        var now = _time.GetUtcNow();
        var instance = await _client.GetInstanceAsync(item.EscalationInstanceId, getInputsAndOutputs: true, cancellationToken);
        switch (instance?.RuntimeStatus)
        {
            case null:
                // Every change starts its item's ladder within seconds; an item changed just now may be in between.
                return (open.ChangedAt < now - _options.StuckAfter ? DoctorProblems.Missing : null, null);
            case OrchestrationRuntimeStatus.Failed:
                return (DoctorProblems.Failed, null);
            case OrchestrationRuntimeStatus.Terminated:
                return (DoctorProblems.Terminated, null);
            case OrchestrationRuntimeStatus.Completed:
                // Ran its last step (level 3) and ended: nothing is left to fire for this due date.
                return (null, null);
        }

        if (await _taskHub.HasDuplicateStartAsync(item.EscalationInstanceId, cancellationToken))
        {
            return (DoctorProblems.Corrupt, null);
        }

        if (instance.RuntimeStatus == OrchestrationRuntimeStatus.Pending && instance.CreatedAt < now - _options.StuckAfter)
        {
            return (DoctorProblems.Stuck, null);
        }

        // With real days the fire times are fixed: a step due well before now that left no trace means a lost timer.
        // (Compressed days count from the moment the ladder started, which the doctor cannot know: not checked.)
        if (!_ladder.Compressed && EscalationLadder.Steps(dueDate, _ladder, now).LastOrDefault(s => s.FireAt <= now - _options.StuckAfter) is { } missed
            && instance.LastUpdatedAt < missed.FireAt)
        {
            return (DoctorProblems.Stuck, null);
        }

        // Any day length: the ladder says what it waits for and until when; a wait long past its end with no update since is a lost timer.
        if (NextStepAt(instance.SerializedCustomStatus) is { } nextAt && nextAt < now - _options.StuckAfter && instance.LastUpdatedAt < nextAt)
        {
            return (DoctorProblems.Stuck, null);
        }

        return (null, LevelOf(instance.SerializedCustomStatus));
    }

    /// <summary>The fire time of the step a ladder waits for (its custom status <c>nextAt</c>), when it says.</summary>
    private static DateTimeOffset? NextStepAt(string? customStatus)
    {
        if (string.IsNullOrEmpty(customStatus))
        {
            return null;
        }

        try
        {
            using var status = JsonDocument.Parse(customStatus);
            return status.RootElement.ValueKind == JsonValueKind.Object && status.RootElement.TryGetProperty("nextAt", out var value)
                && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var at) ? at : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<string?> DiagnoseCycleAsync(OrchestrationMetadata cycle, CancellationToken cancellationToken)
    {
        switch (cycle.RuntimeStatus)
        {
            case OrchestrationRuntimeStatus.Failed:
                return DoctorProblems.Failed;
            case OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending:
                if (await _taskHub.HasDuplicateStartAsync(cycle.InstanceId, cancellationToken))
                {
                    return DoctorProblems.Corrupt;
                }

                return cycle.RuntimeStatus == OrchestrationRuntimeStatus.Pending && cycle.CreatedAt < _time.GetUtcNow() - _options.StuckAfter
                    ? DoctorProblems.Stuck
                    : null;
            default:
                // Completed, or terminated by an operator on purpose: left alone.
                return null;
        }
    }

    private async Task<bool> RepairLadderAsync(
        string instanceId, IReadOnlyList<ItemRef> members, DateOnly dueDate, string problem, CancellationToken cancellationToken)
    {
        try
        {
            // Purge works in any state with the Azure Storage provider: it deletes the instance row and its history,
            // which is exactly the part that can no longer be trusted. The ladder is then started afresh from the ledger.
            await _client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken);
            await (members[0].Ladder is null
                ? _escalations.EnsureAsync(members[0], cancellationToken)
                : _escalations.EnsureSharedAsync(new SharedLadderInput(instanceId, dueDate, members), cancellationToken));
            await AuditAsync(instanceId, "ladder", problem, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRepairFailed(ex, instanceId);
            return false;
        }
    }

    private async Task<bool> RepairCycleAsync(CycleKind kind, string period, OrchestrationMetadata cycle, string problem, CancellationToken cancellationToken)
    {
        try
        {
            // An office's cycle (monthly-{officeId}-2017-03) restarts as that office's; the period's instance waits for its end.
            var (office, ofPeriod) = CyclePeriods.ParseInstanceSuffix(kind, period) ?? throw new InvalidOperationException($"'{cycle.InstanceId}' is not a cycle instance id.");
            await _client.PurgeInstanceAsync(cycle.InstanceId, cancellation: cancellationToken);
            _ = office is null
                ? await _cycles.StartAsync(kind, ofPeriod, cancellationToken)
                : await _cycles.StartOfficeAsync(kind, ofPeriod, office, cancellationToken);
            await AuditAsync(cycle.InstanceId, "cycle", problem, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRepairFailed(ex, cycle.InstanceId);
            return false;
        }
    }

    private async Task AuditAsync(string instanceId, string kind, string problem, CancellationToken cancellationToken)
    {
        await _log.WriteAsync(OperationsLog.RepairKind, new AuditEvent
        {
            EntityKind = kind,
            EntityId = instanceId,
            Action = "repair",
            Actor = "doctor",
            At = _time.GetUtcNow(),
            FromStatus = problem,
            ToStatus = "restarted",
            Reason = $"{ReasonOf(problem)}，已按台账重建{(kind == "cycle" ? "周期" : "督办阶梯")}",
        }, cancellationToken);
        RectifyFlowsMetrics.Repaired(kind, problem);
        LogRepaired(instanceId, problem);
    }

    private static string ReasonOf(string problem) => problem switch
    {
        DoctorProblems.Missing => "事项仍未办结但督办阶梯缺失",
        DoctorProblems.Failed => "实例运行失败",
        DoctorProblems.Terminated => "事项仍未办结但实例已被终止",
        DoctorProblems.Corrupt => "实例历史记录损坏",
        _ => "实例停滞未按时推进",
    };

    /// <summary>The ladder's custom status names its last step: reminder-N, level1..3; none yet is "waiting".</summary>
    private static string LevelOf(string? customStatus)
    {
        if (string.IsNullOrEmpty(customStatus))
        {
            return "waiting";
        }

        try
        {
            using var status = JsonDocument.Parse(customStatus);
            var step = status.RootElement.ValueKind == JsonValueKind.Object && status.RootElement.TryGetProperty("step", out var value)
                ? value.GetString() : null;
            return step is null ? "waiting" : step.StartsWith("reminder", StringComparison.Ordinal) ? "reminder" : step;
        }
        catch (JsonException)
        {
            return "waiting";
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Doctor: {Ladders} ladders and {Cycles} cycles checked, {Found} broken, {Repaired} rebuilt")]
    private partial void LogPass(int ladders, int cycles, int found, int repaired);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Doctor rebuilt {InstanceId} ({Problem})")]
    private partial void LogRepaired(string instanceId, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Doctor could not rebuild {InstanceId}")]
    private partial void LogRepairFailed(Exception exception, string instanceId);
}
