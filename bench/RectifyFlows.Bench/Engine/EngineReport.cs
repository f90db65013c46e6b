using System.Text;
using RectifyFlows.Bench.Measurement;

namespace RectifyFlows.Bench.Engine;

/// <summary>Renders an <see cref="EngineResult"/> as Markdown: header, micro-benchmarks, ratios, request mix, the cycle, checks.</summary>
internal static class EngineReport
{
    public static string ToMarkdown(EngineResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var options = result.Options;
        var md = new StringBuilder();
        void Line(FormattableString text) => md.Append(FormattableString.Invariant(text)).Append('\n');

        Line($"### Durable engine (standalone) — {result.StartedAt:yyyy-MM-dd HH:mm} UTC");
        Line($"");
        Line($"{result.Machine}. {result.Storage}.");
        var concurrency = options.EngineConcurrency is null ? " (the host's defaults)" : " (set by --engine-concurrency)";
        Line($"Engine: the Durable Task Azure Storage provider behind the gRPC sidecar, in this process, composed by `DurableComposition.AddStandaloneDurableEngine`; task hub `{result.TaskHub}`, {options.EngineSettings.GetValueOrDefault("PartitionCount", "4")} control-queue partitions, queue polling backing off to at most {options.EngineSettings.GetValueOrDefault("MaxQueuePollingInterval", "00:00:01")}, {result.MaxConcurrentActivities} activities and {result.MaxConcurrentOrchestrations} orchestration work items at a time{concurrency}{(options.EngineSettings.Count == 0 ? string.Empty : "; set by --engine-setting: " + string.Join(", ", options.EngineSettings.Select(kv => $"{kv.Key}={kv.Value}")))}. The client sends {options.ClientParallel} calls at a time. Whole run {result.Total.TotalSeconds:0} s.");
        Line($"Host start {result.HostStart.TotalSeconds:0.0} s; first orchestration completed {result.FirstOrchestration.TotalSeconds:0.0} s after the host began starting. Idle, the engine sends {result.Idle.StorageRequests / result.Idle.Wall.TotalSeconds:0.0} storage requests/s ({Top(result.Idle.Traffic, 3, result.Idle.Wall.TotalSeconds)}).");
        Line($"");

        if (result.Micro.Count > 0)
        {
            WriteMicro(result, Line);
        }

        if (result.Cycle is { } cycle)
        {
            WriteCycle(cycle, options, Line);
        }
        else if (result.CycleFailure is { } failure)
        {
            Line($"#### Monthly cycle {MonthlyCycleRun.Month} on {options.Districts} synthetic districts: **failed**");
            Line($"");
            Line($"{failure}");
            Line($"");
        }

        if (result.MemoryAfterCycle is { } memory)
        {
            Line($"Resident memory of this process (the whole standalone host's durable side, its worker and the benchmark) after the province import and the cycle: **{memory.ResidentMb:0} MB** (peak {memory.PeakMb:0} MB; managed heap after a full collection {memory.ManagedMb:0} MB); goal ≤ {ResidentMemory.GoalBytes / 1024 / 1024} MB.");
            Line($"");
        }

        Line($"Stopping: the host's StopAsync took {result.StopWall.TotalSeconds:0.0} s; in the {result.AfterStopWindow.TotalSeconds:0} s after it returned the engine still sent {result.AfterStop.Storage:N0} storage requests{(result.AfterStop.Storage == 0 ? string.Empty : " (" + Top(result.AfterStop, 3, null) + ")")}.");
        Line($"");

        var failed = result.Checks.Count(c => !c.Passed);
        Line($"Checks: {(failed == 0 ? "all passed" : FormattableString.Invariant($"**{failed} failed**"))}.");
        Line($"");
        foreach (var check in result.Checks)
        {
            Line($"- {(check.Passed ? "✓" : "✗ FAILED:")} {check.Name} — {check.Observed}");
        }

        return md.ToString();
    }

    private static void WriteMicro(EngineResult result, Action<FormattableString> line)
    {
        line($"| Micro-benchmark | Items | Rate (/s) | Over (s) | Measured over | Latency and detail | Storage requests | of which durable provider | per item | gRPC calls |");
        line($"|---|--:|--:|--:|---|---|--:|--:|--:|--:|");
        foreach (var micro in result.Micro)
        {
            var cost = micro.Cost;
            var requests = micro.Short is null && micro.Name.Contains("first → last execution", StringComparison.Ordinal)
                ? "(as above)"
                : FormattableString.Invariant($"{cost.StorageRequests:N0}");
            var durable = requests == "(as above)" ? string.Empty : FormattableString.Invariant($"{cost.DurableRequests:N0}");
            var perItem = requests == "(as above)" ? string.Empty : FormattableString.Invariant($"{cost.StorageRequests / (double)micro.Items:0.0}");
            var grpc = requests == "(as above)" ? string.Empty : FormattableString.Invariant($"{cost.Traffic.Of(TrafficOwner.Sidecar):N0}");
            line($"| {micro.Name} | {micro.Items:N0} | **{micro.Rate:N1}** | {micro.Window.TotalSeconds:0.00} | {micro.WindowText} | {micro.Latency} | {requests} | {durable} | {perItem} | {grpc} |");
        }

        line($"");
        line($"Storage requests are every request to the storage account in the benchmark's window (first client call → last completion observed), counted from HttpClient's diagnostic events: they include the engine's idle polling (about {result.Idle.StorageRequests / result.Idle.Wall.TotalSeconds:0} /s) and the benchmark's own status queries (one paged query every 0.5 s). \"Of which durable provider\" is that minus the RectifyFlows Tables client's requests (StorageRequestCounter; 0 here, the bench tasks touch no table). gRPC calls are the worker's and client's unary calls to the sidecar.");
        line($"");

        if (result.Ratios.Count > 0)
        {
            line($"| Measured against Durable Functions' published per-instance target (Azure Storage provider) | Measured | Target | Ratio |");
            line($"|---|--:|--:|--:|");
            foreach (var ratio in result.Ratios)
            {
                line($"| {ratio.Measure} | {ratio.Measured:N1} {ratio.Note} | {ratio.Target:N0} | **{ratio.Ratio:0.00}** |");
            }

            line($"");
            line($"Targets: fan-out 100 activities/s and external events 50/s per orchestration instance, as Durable Functions publishes them for its default (Azure Storage) provider on Azure; measured here on Azurite in memory on loopback, so the ratio compares a 2-core emulator setup with Azure, not like with like.");
            line($"");
        }

        var mixed = result.Micro.Where(m => m.Short is not null).ToList();
        if (mixed.Count > 0)
        {
            var kinds = mixed.SelectMany(m => m.Cost.Traffic.Counts.Select(c => (c.Key, PerItem: c.Value / (double)m.Items)))
                .GroupBy(c => c.Key)
                .Select(g => (Kind: g.Key, Max: g.Max(x => x.PerItem)))
                .Where(k => k.Max >= 0.05)
                .OrderBy(k => k.Kind.Owner).ThenByDescending(k => k.Max)
                .Select(k => k.Kind)
                .ToList();
            line($"| Requests per item, by kind | {string.Join(" | ", mixed.Select(m => m.Short))} |");
            line($"|---|{string.Concat(mixed.Select(_ => "--:|"))}");
            foreach (var kind in kinds)
            {
                var cells = mixed.Select(m => m.Cost.Traffic.Counts.GetValueOrDefault(kind) / (double)m.Items)
                    .Select(v => v == 0 ? "·" : FormattableString.Invariant($"{v:0.00}"));
                line($"| {Owner(kind.Owner)}: {kind.Label} | {string.Join(" | ", cells)} |");
            }

            line($"| **storage, all kinds** | {string.Join(" | ", mixed.Select(m => FormattableString.Invariant($"**{m.Cost.StorageRequests / (double)m.Items:0.00}**")))} |");
            line($"");
            line($"An item is an orchestration (starts), an activity (fan-out), a timer or an event; kinds under 0.05 per item everywhere are left out.");
            line($"");
        }

        if (result.PurgeNote is { } purge)
        {
            line($"Between the micro-benchmarks and the cycle the benchmark {purge}.");
            line($"");
        }
    }

    private static void WriteCycle(CycleResult cycle, BenchOptions options, Action<FormattableString> line)
    {
        line($"#### Monthly cycle {MonthlyCycleRun.Month} on {cycle.Districts} synthetic districts");
        line($"");
        line($"Set-up, not part of the cycle: the province imported in {cycle.ImportWall.TotalSeconds:0} s ({cycle.ImportRequests:N0} requests, {options.Parallel} districts at a time) and {cycle.Projects:N0} synthetic projects written in {cycle.ProjectsWall.TotalSeconds:0.0} s. The cycle was started with `CycleStarter` and an inspection window of {options.WindowMinutes} minutes; {cycle.Teams} results (one per supervision team: 1 in 4 an attendance breach) were posted with `InspectionIntake.AcceptAsync`, {options.ClientParallel} at a time, and the cycle ended early because every team had reported. Phases are timed by reading the custom status every {cycle.PollInterval.TotalMilliseconds:0} ms (±{cycle.PollInterval.TotalMilliseconds:0} ms).");
        line($"");
        line($"| Cycle span | Wall (s) | Storage requests | RectifyFlows Tables (counter) | Durable provider | of which the benchmark's status reads | Note |");
        line($"|---|--:|--:|--:|--:|--:|---|");
        foreach (var span in cycle.Spans.Append(cycle.AfterLastResult))
        {
            var c = span.Cost;
            line($"| {span.Name} | {c.Wall.TotalSeconds:0.00} | {c.StorageRequests:N0} | {c.AppRequests:N0} | {c.DurableRequests:N0} | {span.StatusPolls:N0} | {span.Note} |");
        }

        var after = cycle.AfterLastResult.Cost;
        line($"");
        line($"**Last result → Completed: {after.Wall.TotalSeconds:0.0} s, {after.StorageRequests - cycle.AfterLastResult.StatusPolls:N0} storage requests** without the benchmark's {cycle.AfterLastResult.StatusPolls} status reads ({after.AppRequests:N0} by the RectifyFlows Tables client, {after.DurableRequests - cycle.AfterLastResult.StatusPolls:N0} by the durable provider), {after.Traffic.Of(TrafficOwner.Sidecar):N0} gRPC calls to the sidecar; CPU {(after.EmulatorCpu is { } emulator ? FormattableString.Invariant($"Azurite {emulator.TotalSeconds:0.0} s, ") : string.Empty)}this process {after.ProcessCpu.TotalSeconds:0.0} s. The last status read before the last result was accepted showed {cycle.TeamsReportedAtLastResult} of {cycle.Teams} teams counted.");
        line($"");
        var status = cycle.Final;
        line($"| Cycle counts | From the custom status | Expected |");
        line($"|---|--:|--:|");
        line($"| teams reported / teams | {status.TeamsReported} / {status.Teams} | {cycle.Teams} |");
        line($"| findings | {status.Findings:N0} | {cycle.ExpectedFindings:N0} |");
        line($"| actions opened | {status.ActionsOpened:N0} | {cycle.ExpectedActions:N0} |");
        line($"| messages written (bulletin) | {status.MessagesWritten:N0} | |");
        line($"| escalation ladders started by the handling (shared: one per office cycle, ADR 0020) | {cycle.EscalationsStarted:N0} | at most one per office |");
        line($"| outbox rows after the cycle (requests to teams, bulletin, report-ready) | {cycle.OutboxMessages:N0} | |");
        line($"");

        line($"| Requests from the last result to Completed, by kind | Requests | Share |");
        line($"|---|--:|--:|");
        var all = after.Traffic.Storage;
        foreach (var (kind, count) in after.Traffic.Ordered().Where(k => k.Key.Owner != TrafficOwner.Sidecar).Take(20))
        {
            line($"| {Owner(kind.Owner)}: {kind.Label} | {count:N0} | {count / (double)all:0%} |");
        }

        var shown = after.Traffic.Ordered().Where(k => k.Key.Owner != TrafficOwner.Sidecar).Take(20).Sum(k => k.Value);
        if (all > shown)
        {
            line($"| other kinds | {all - shown:N0} | {(all - shown) / (double)all:0%} |");
        }

        line($"| **total** (HttpClient's count) | **{all:N0}** | |");
        line($"");
    }

    private static string Owner(TrafficOwner owner) => owner switch
    {
        TrafficOwner.RectifyFlows => "RectifyFlows",
        TrafficOwner.Durable => "Durable",
        TrafficOwner.Batch => "either",
        TrafficOwner.Sidecar => "sidecar",
        _ => "storage",
    };

    /// <summary>The most frequent storage request kinds, as rates over <paramref name="seconds"/> or, when null, as counts.</summary>
    private static string Top(TrafficSnapshot traffic, int count, double? seconds) =>
        string.Join(", ", traffic.Ordered().Where(k => k.Key.Owner != TrafficOwner.Sidecar).Take(count)
            .Select(k => seconds is { } s ? FormattableString.Invariant($"{k.Key.Label} {k.Value / s:0.0}/s") : FormattableString.Invariant($"{k.Key.Label} {k.Value:N0}")));
}
