using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using RectifyFlows.Bench.Measurement;
using RectifyFlows.Bench.Province;
using RectifyFlows.Domain.Inspections;
using RectifyFlows.Domain.Periods;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Projects;
using RectifyFlows.Domain.Units;
using RectifyFlows.Notifications.Outbox;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Projects;
using RectifyFlows.Workflows.Common;
using RectifyFlows.Workflows.Escalation;
using RectifyFlows.Workflows.MonthlyCycle;

namespace RectifyFlows.Bench.Engine;

/// <summary>
/// The monthly cycle on the synthetic province: import it, give every district its synthetic projects, start the
/// cycle with a long inspection window, post one result per supervision team (InspectionIntake, as the webhook does)
/// and follow the cycle's custom status until it completes — early, because every team reported.
/// </summary>
internal sealed class MonthlyCycleRun(BenchOptions options, EngineHost host, PhaseMeter meter, List<Check> checks)
{
    public const string Month = "2017-03";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private static readonly string[] Phases = [CyclePhases.Open, CyclePhases.Collecting, CyclePhases.Bulletin, CyclePhases.Handling, CyclePhases.Report, CyclePhases.Done];

    public async Task<CycleResult> RunAsync(List<Plan> plans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);

        // The province: imported and given projects as the host's seed step does for its one district.
        Progress.Write($"Cycle: importing {plans.Count} districts, {options.Parallel} at a time...");
        var importer = host.Get<PlanImporter>();
        var projects = host.Get<ProjectRepository>();
        var before = meter.Now();
        var imported = 0;
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = cancellationToken },
            async (plan, ct) =>
            {
                await importer.ImportAsync(plan, ProvinceScenario.Actor, ct);
                if (Interlocked.Increment(ref imported) % 20 == 0)
                {
                    Progress.Write($"  {imported}/{plans.Count} districts");
                }
            });
        var afterImport = meter.Now();
        var projectCount = 0;
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = cancellationToken },
            async (plan, ct) =>
            {
                var synthetic = SyntheticProjects.For(plan);
                var refused = await projects.ImportAsync(plan.DistrictId, synthetic, ProvinceScenario.Actor, DateTimeOffset.UtcNow, "seed", ct);
                if (refused.HasErrors)
                {
                    throw new InvalidOperationException($"The synthetic projects of {plan.DistrictId} were refused: {string.Join("; ", refused.ToDictionary().Keys)}");
                }

                Interlocked.Add(ref projectCount, synthetic.Count);
            });
        var afterProjects = meter.Now();
        var import = PhaseMeter.Between(before, afterImport);
        Progress.Write($"  imported in {import.Wall.TotalSeconds:0} s ({import.AppRequests} requests); {projectCount} projects in "
            + $"{PhaseMeter.Between(afterImport, afterProjects).Wall.TotalSeconds:0.0} s.");

        var results = Results(plans);
        var expectedActions = results.Sum(r => r.Findings.Sum(f => OpenMonthlyActionsActivity.Handling(f, new HashSet<string?>()).Count()));
        var expectedFindings = results.Sum(r => r.Findings.Count);

        // The cycle, followed by one status read every 250 ms from start to completion.
        var client = host.Client;
        var starter = host.Get<CycleStarter>();
        var intake = host.Get<InspectionIntake>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var start = meter.Now();
        var (instanceId, created) = await starter.StartAsync(CycleKind.Monthly, Month, cancellationToken);
        if (!created)
        {
            throw new InvalidOperationException($"{instanceId} already existed: the task hub is not fresh.");
        }

        Progress.Write($"Cycle {instanceId} started; the window is {options.WindowMinutes} minutes.");
        var watcher = new CycleWatcher(client, instanceId, meter);
        var watching = watcher.RunAsync(stop.Token);
        var collecting = await WaitForOfficesCollectingAsync(client, watcher, TimeSpan.FromMinutes(5), cancellationToken);
        Progress.Write($"  Collecting after {PhaseMeter.Between(start, collecting).Wall.TotalSeconds:0.0} s; posting {results.Count} results, {options.ClientParallel} at a time...");

        var postStart = meter.Now();
        var stored = 0;
        await Parallel.ForEachAsync(results, new ParallelOptions { MaxDegreeOfParallelism = options.ClientParallel, CancellationToken = cancellationToken },
            async (result, ct) =>
            {
                if (await intake.AcceptAsync(result with { ReceivedAt = DateTimeOffset.UtcNow }, ct))
                {
                    Interlocked.Increment(ref stored);
                }
            });
        var lastResult = meter.Now();
        var reportedAtLast = watcher.Latest?.TeamsReported ?? 0;
        Progress.Write($"  posted in {PhaseMeter.Between(postStart, lastResult).Wall.TotalSeconds:0.0} s; the cycle had counted {reportedAtLast} teams by then.");

        // Bounded by the window: past it the cycle would go on by its timer, which is not what is measured here.
        var deadline = TimeSpan.FromMinutes(options.WindowMinutes) - PhaseMeter.Between(start, lastResult).Wall + TimeSpan.FromMinutes(2);
        Mark completed;
        try
        {
            completed = await watcher.WaitForAsync(CyclePhases.Done, deadline, cancellationToken);
        }
        catch (InvalidOperationException ex) when (watcher.Failed is not null)
        {
            // The spans measured before the failure still tell how far the cycle got and how fast.
            var failedAt = meter.Now();
            var timeline = new List<string>
            {
                Timeline("start → Collecting", start, collecting),
                Timeline($"posting {results.Count} results", postStart, lastResult),
            };
            if (watcher.Seen(CyclePhases.Bulletin) is { } bulletinSeen)
            {
                timeline.Add(Timeline("last result → Bulletin (all events taken)", lastResult, bulletinSeen));
                timeline.Add(Timeline("Bulletin → failure observed", bulletinSeen, failedAt));
            }

            throw new InvalidOperationException(
                $"{ex.Message} {await DiagnoseAsync(watcher.Latest?.Phase, cancellationToken)} Timeline before the failure: {string.Join("; ", timeline)}.", ex);
        }
        finally
        {
            await stop.CancelAsync();
            await watching;
        }

        var final = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken)
            ?? throw new InvalidOperationException($"{instanceId} vanished.");
        if (final.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            throw new InvalidOperationException($"{instanceId} is {final.RuntimeStatus}: {final.FailureDetails?.ErrorMessage}");
        }

        var status = final.ReadOutputAs<CycleStatus>() ?? throw new InvalidOperationException($"{instanceId} returned no status.");
        Progress.Write($"  completed {PhaseMeter.Between(lastResult, completed).Wall.TotalSeconds:0.0} s after the last result: "
            + $"{status.Findings} findings, {status.ActionsOpened} actions, {status.MessagesWritten} messages.");

        // Afterwards, not measured: the ladders the handling started, the outbox rows.
        var instances = new Instances(client);
        // The handling's actions share one ladder per office cycle and due date (ADR 0020); its input lists them.
        var shared = (await instances.ListAsync($"{ItemRef.EscalationInstancePrefix}actions-monthly-", withOutputs: true, cancellationToken))
            .Where(i => i.InstanceId.Contains($"-{Month}-", StringComparison.Ordinal)).ToList();
        var ladders = shared.Count;
        var members = shared.Sum(i => i.ReadInputAs<SharedLadderInput>()?.Items.Count ?? 0);
        var outbox = await CountAsync(host.Get<OutboxRepository>().Table, cancellationToken);

        checks.Add(new Check("every team's result reached the cycle (it ended early, not by the window)",
            status.TeamsReported == status.Teams && status.Teams == results.Count && final.LastUpdatedAt < status.WindowClosesAt,
            $"{status.TeamsReported} of {status.Teams} teams, {results.Count} posted, {stored} stored; completed "
            + FormattableString.Invariant($"{(status.WindowClosesAt - final.LastUpdatedAt)?.TotalMinutes:0.0} min before the window closed")));
        checks.Add(new Check("the cycle counted every finding", status.Findings == expectedFindings, $"{status.Findings} of {expectedFindings}"));
        checks.Add(new Check("the handling opened every action the findings call for", status.ActionsOpened == expectedActions,
            $"{status.ActionsOpened} of {expectedActions}"));
        checks.Add(new Check("each opened action is on its office's shared escalation ladder", members == expectedActions && ladders <= plans.Count,
            $"{ladders} ladders for {members} actions, {plans.Count} offices"));
        var whole = PhaseMeter.Between(start, completed);
        var seenByHttp = whole.Traffic.Of(TrafficOwner.RectifyFlows);
        checks.Add(new Check("the request counter saw the activities' Tables requests (its AsyncLocal flowed into the worker)",
            whole.AppRequests >= seenByHttp && whole.AppRequests <= seenByHttp + whole.Traffic.Of(TrafficOwner.Batch),
            $"counter {whole.AppRequests}, HttpClient {seenByHttp} to RectifyFlows tables + {whole.Traffic.Of(TrafficOwner.Batch)} batches"));

        var spans = new List<CycleSpan>
        {
            Span("start → Collecting (OpenMonthlyRoundActivity: asks every team)", watcher, start, collecting, string.Empty),
            Span($"posting {results.Count} results (InspectionIntake.AcceptAsync, {options.ClientParallel} at a time)", watcher, postStart, lastResult,
                $"the last status read before the end showed {reportedAtLast} teams counted"),
        };
        var seen = Phases.Select(p => (Phase: p, Mark: watcher.Seen(p))).Where(p => p.Mark is not null).ToList();
        var bulletin = watcher.Seen(CyclePhases.Bulletin);
        if (bulletin is not null)
        {
            spans.Add(Span("last result → Bulletin (the cycle takes the last events)", watcher, lastResult, bulletin, string.Empty));
        }

        string[] activities = ["SendMonthlyBulletinActivity", "OpenMonthlyActionsActivity: opens the actions, starts a ladder each", "ArchiveMonthlyReportActivity"];
        for (var i = 2; i < 5; i++)
        {
            var from = watcher.Seen(Phases[i]);
            var to = seen.FirstOrDefault(p => Array.IndexOf(Phases, p.Phase) > i).Mark;
            if (from is not null && to is not null)
            {
                spans.Add(Span($"{Phases[i]} ({activities[i - 2]})", watcher, from, to, string.Empty));
            }
        }

        var after = Span("**last result → Completed** (excluding the waiting window)", watcher, lastResult, completed, string.Empty);
        return new CycleResult(plans.Count, results.Count, import.Wall, import.AppRequests, PhaseMeter.Between(afterImport, afterProjects).Wall,
            projectCount, spans, after, status, stored, reportedAtLast, expectedFindings, expectedActions, ladders, outbox, PollInterval);
    }

    /// <summary>The failure as the engine recorded it: type, message and the first lines of the stack, or the raw output.</summary>
    private static string Describe(OrchestrationMetadata metadata)
    {
        var parts = new List<string>();
        for (var failure = metadata.FailureDetails; failure is not null; failure = failure.InnerFailure)
        {
            var stack = string.Join(" | ", (failure.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(4));
            parts.Add($"{failure.ErrorType}: {failure.ErrorMessage}{(stack.Length == 0 ? string.Empty : $" [{stack}]")}");
        }

        if (parts.Count == 0 && metadata.SerializedOutput is { } output)
        {
            parts.Add(output.Length > 1500 ? output[..1500] + "…" : output);
        }

        return parts.Count == 0 ? "(no failure details recorded)" : string.Join(" <- ", parts);
    }

    /// <summary>
    /// Run only when the cycle failed in its Bulletin or Report phase: builds the month's report as those activities do
    /// and stores it as they do, outside the engine, so the storage error (if that is what failed) is seen first-hand.
    /// </summary>
    private async Task<string> DiagnoseAsync(string? phase, CancellationToken cancellationToken)
    {
        if (phase is not (CyclePhases.Bulletin or CyclePhases.Report))
        {
            return string.Empty;
        }

        // Each office has its own report: the first office's stands for them all.
        var office = (await host.Get<RectifyFlows.Workflows.Offices.OfficeDirectory>().ListAsync(cancellationToken))[0];
        var (report, summary, _) = await host.Get<MonthlyReportBuilder>().BuildAsync(
            new RectifyFlows.Workflows.Offices.OfficePeriod(office.Id, Month), withActions: phase == CyclePhases.Report, cancellationToken);
        var length = System.Text.Json.JsonSerializer.Serialize(report, RectifyFlows.Storage.Tables.RowJson.Options).Length;
        var facts = FormattableString.Invariant(
            $"Diagnosis outside the engine: the {phase} report of {report.Tables.Sum(t => t.Rows.Count):N0} table rows ({summary.OverdueMeasures:N0} overdue measures) serializes to {length:N0} characters;");
        try
        {
            // What the activity does: ReportRenderer.Json, then ReportRepository.SaveAsync (which splits into 30,000-character rows).
            var json = RectifyFlows.Workflows.Reports.ReportRenderer.Json(report);
            await host.Get<RectifyFlows.Storage.Reports.ReportRepository>().SaveAsync("bench-diagnosis", Month, json, cancellationToken);
            return facts + " rendering and storing it directly succeeded.";
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or InvalidOperationException or ArgumentException)
        {
            var message = ex.Message.Split('\n')[0];
            return facts + $" rendering and storing it directly fails with {ex.GetType().Name}{((ex as Azure.RequestFailedException)?.Status is { } code ? $" {code}" : string.Empty)}: \"{message}\"";
        }
    }

    private static string Timeline(string name, Mark from, Mark to)
    {
        var cost = PhaseMeter.Between(from, to);
        return FormattableString.Invariant($"{name} {cost.Wall.TotalSeconds:0.0} s, {cost.StorageRequests:N0} storage requests ({cost.AppRequests:N0} RectifyFlows)");
    }

    private static CycleSpan Span(string name, CycleWatcher watcher, Mark from, Mark to, string note) =>
        new(name, PhaseMeter.Between(from, to), watcher.PollsBetween(from, to), note);

    /// <summary>
    /// One result per team: team n of a district inspects a village of it, and reports an attendance breach of its
    /// cadre (n = 1: two actions), a high-severity work finding (n = 2: a call-in), a medium one about funds (n = 3:
    /// a public criticism of the village) or a low one (n = 4: no action).
    /// </summary>
    private static List<InspectionResult> Results(List<Plan> plans)
    {
        var now = DateTimeOffset.UtcNow;
        var results = new List<InspectionResult>();
        foreach (var plan in plans)
        {
            var villages = plan.Units.Where(u => u.Kind == UnitKind.Village).OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
            for (var n = 0; n < plan.SupervisionTeams.Count; n++)
            {
                var team = plan.SupervisionTeams[n];
                var village = villages[(n * 17) % villages.Count];
                var cadre = plan.Cadres.FirstOrDefault(c => c.UnitId == village.Id);
                var finding = (n % 4) switch
                {
                    0 => new Finding
                    {
                        Kind = "attendance", Severity = "medium", PersonId = cadre?.Id, DaysOnSite = 12,
                        Subject = $"{cadre?.Name}驻村天数不足", Detail = "3月驻村12天（合成数据）",
                    },
                    1 => new Finding { Kind = "work", Severity = "high", Subject = "帮扶台账缺失", Detail = "未建立贫困户帮扶台账（合成数据）" },
                    2 => new Finding { Kind = "funds", Severity = "medium", Subject = "资金拨付滞后", Detail = "产业扶贫资金未按期拨付（合成数据）" },
                    _ => new Finding { Kind = "other", Severity = "low", Subject = "公示栏未更新", Detail = "公示信息滞后一个月（合成数据）" },
                };
                results.Add(new InspectionResult
                {
                    EventId = $"bench-{team.Id}-{Month}",
                    Month = Month,
                    TeamId = team.Id,
                    UnitId = village.Id,
                    InspectedAt = now,
                    ReceivedAt = now,
                    Findings = [finding],
                });
            }
        }

        return results;
    }

    private static async Task<int> CountAsync(TableClient table, CancellationToken cancellationToken)
    {
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter: (string?)null, maxPerPage: 1000, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            rows++;
        }

        return rows;
    }

    /// <summary>
    /// Cycles run per issuing office (ADR 0011): the period's instance stays in its "Offices" phase while each office's
    /// own instance (<c>monthly-{officeId}-{month}</c>) collects. Results are posted once every office's instance is
    /// collecting (or past it), read once every 500 ms — before the measured span, so these reads are not in its counts.
    /// </summary>
    private async Task<Mark> WaitForOfficesCollectingAsync(DurableTaskClient client, CycleWatcher watcher, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var collecting = Array.IndexOf(Phases, CyclePhases.Collecting);
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            if (watcher.Failure is { } failure)
            {
                throw new InvalidOperationException(failure.Message, failure);
            }

            if (watcher.Latest?.Offices is { Count: > 0 } offices)
            {
                waiting.Clear();
                foreach (var office in offices)
                {
                    var metadata = await client.GetInstanceAsync(CyclePeriods.InstanceId(CycleKind.Monthly, Month, office), getInputsAndOutputs: true, cancellationToken);
                    var phase = metadata?.SerializedCustomStatus is null ? null : metadata.ReadCustomStatusAs<CycleStatus>()?.Phase;
                    if (metadata?.RuntimeStatus is not OrchestrationRuntimeStatus.Completed && (phase is null || Array.IndexOf(Phases, phase) < collecting))
                    {
                        waiting.Add(office);
                    }
                }

                if (waiting.Count == 0)
                {
                    return meter.Now();
                }
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"After {timeout.TotalMinutes:0} minutes {waiting.Count} office cycle(s) of {Month} were not collecting yet: {string.Join(", ", waiting.Take(5))}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    /// <summary>Reads the cycle's custom status every 250 ms and marks the moment each phase is first seen.</summary>
    private sealed class CycleWatcher(DurableTaskClient client, string instanceId, PhaseMeter meter)
    {
        private readonly ConcurrentDictionary<string, Mark> _seen = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<long> _polls = new();

        public CycleStatus? Latest { get; private set; }

        /// <summary>Why following the cycle stopped early (the cycle failed, or a status read did).</summary>
        public Exception? Failure { get; private set; }

        /// <summary>The cycle's last state when it failed.</summary>
        public OrchestrationMetadata? Failed { get; private set; }

        public Mark? Seen(string phase) => _seen.GetValueOrDefault(phase);

        public int PollsBetween(Mark from, Mark to) => _polls.Count(t => t >= from.Timestamp && t <= to.Timestamp);

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    _polls.Enqueue(Stopwatch.GetTimestamp());
                    var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
                    var mark = meter.Now();
                    if (metadata?.SerializedCustomStatus is not null && metadata.ReadCustomStatusAs<CycleStatus>() is { } status)
                    {
                        Latest = status;
                        _seen.TryAdd(status.Phase, mark);
                    }

                    if (metadata?.RuntimeStatus is OrchestrationRuntimeStatus.Completed)
                    {
                        _seen.TryAdd(CyclePhases.Done, mark);
                        return;
                    }

                    if (metadata?.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
                    {
                        Failed = metadata;
                        Failure = new InvalidOperationException($"{instanceId} is {metadata.RuntimeStatus} in phase {Latest?.Phase}: {Describe(metadata)}");
                        return;
                    }

                    await Task.Delay(PollInterval, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
#pragma warning disable CA1031 // Handed to the waiter, which throws it on the benchmark's own flow.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Failure = ex;
            }
        }

        public async Task<Mark> WaitForAsync(string phase, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var waited = Stopwatch.StartNew();
            var lastReport = TimeSpan.Zero;
            while (true)
            {
                // A later phase seen first (a short phase between two reads) also means this one is over.
                if (_seen.GetValueOrDefault(phase) is { } mark)
                {
                    return mark;
                }

                if (Failure is not null)
                {
                    throw new InvalidOperationException($"Following the cycle failed: {Failure.Message}", Failure);
                }

                if (waited.Elapsed > timeout)
                {
                    throw new TimeoutException($"The cycle did not reach {phase} within {timeout.TotalMinutes:0.0} min (last: {Latest?.Phase}, {Latest?.TeamsReported} teams).");
                }

                if (waited.Elapsed - lastReport > TimeSpan.FromSeconds(15))
                {
                    lastReport = waited.Elapsed;
                    Progress.Write($"  waiting for {phase}: {Latest?.Phase}, {Latest?.TeamsReported}/{Latest?.Teams} teams after {waited.Elapsed.TotalSeconds:0} s");
                }

                await Task.Delay(PollInterval / 2, cancellationToken);
            }
        }
    }
}
