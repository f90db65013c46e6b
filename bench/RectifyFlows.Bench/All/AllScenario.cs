using System.Diagnostics;
using System.Globalization;
using System.Text;
using RectifyFlows.Bench.Engine;
using RectifyFlows.Bench.Intake;
using RectifyFlows.Bench.Mail;
using RectifyFlows.Bench.Measurement;
using RectifyFlows.Bench.Province;

namespace RectifyFlows.Bench.All;

/// <summary>
/// <c>all</c>: every scenario in turn (province, engine with the monthly cycle, intake, mail), each with its own
/// Azurite, then one table of the goals of issue 13 — measured, goal, ratio to the goal, met or not — with the load
/// average at the start and the end, because on a shared machine the load explains more of the spread than the code.
/// A scenario that fails is reported as such and the others still run.
/// </summary>
internal sealed class AllScenario(BenchOptions options, string repositoryRoot)
{
    public async Task<AllResult> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage();
        var machine = MachineInfo.Describe();
        var clock = Stopwatch.StartNew();
        var quick = options.Quick;
        var sections = new List<(string Scenario, string Markdown)>();
        var failures = new List<string>();

        async Task<T?> RunAsync<T>(string name, Func<Task<T>> run, Func<T, string> render)
            where T : class
        {
            Progress.Write($"== all: {name} (load average {LoadAverage()})");
            try
            {
                var result = await run();
                sections.Add((name, render(result)));
                return result;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Progress.Write($"== all: {name} failed: {ex}");
                failures.Add($"{name}: {ex.GetType().Name}: {ex.Message}");
                return null;
            }
        }

        var province = await RunAsync(BenchOptions.ProvinceScenario,
            () => new ProvinceScenario(options with { Scenario = BenchOptions.ProvinceScenario, Districts = quick ? 10 : 100, Samples = quick ? 50 : 200, OverdueSamples = quick ? 10 : 30 }, repositoryRoot).RunAsync(cancellationToken),
            ProvinceReport.ToMarkdown);
        var engine = await RunAsync(BenchOptions.EngineScenario,
            () => new EngineScenario(options with
            {
                Scenario = BenchOptions.EngineScenario, Districts = quick ? 10 : 100, Orchestrations = quick ? 100 : 300,
                LargeFanOut = quick ? 0 : 1000, Timers = quick ? 50 : 100,
            }, repositoryRoot).RunAsync(cancellationToken),
            EngineReport.ToMarkdown);
        var intake = await RunAsync(BenchOptions.IntakeScenario,
            () => new IntakeScenario(options with { Scenario = BenchOptions.IntakeScenario, Requests = quick ? 200 : 1000 }, repositoryRoot).RunAsync(cancellationToken),
            r => r.ToMarkdown());
        var mail = await RunAsync(BenchOptions.MailScenario,
            () => new MailScenario(options with { Scenario = BenchOptions.MailScenario, Mails = quick ? 200 : 1000 }, repositoryRoot).RunAsync(cancellationToken),
            r => r.ToMarkdown());

        var checksPassed = (province?.Checks.All(c => c.Passed) ?? false) && (engine?.Checks.All(c => c.Passed) ?? false)
            && (intake?.Passed ?? false) && (mail?.Checks.All(c => c.Passed) ?? false);
        return new AllResult(startedAt, machine, quick, loadAtStart, LoadAverage(), clock.Elapsed,
            Goals(province, engine, intake, mail), sections, failures, checksPassed && failures.Count == 0);
    }

    /// <summary>Each goal of issue 13 with the figure before the work (bench/results of 2026-11-27) and the one measured now.</summary>
    private static List<GoalRow> Goals(ProvinceResult? province, EngineResult? engine, IntakeResult? intake, MailResult? mail)
    {
        var rows = new List<GoalRow>();
        IntakeRow? Level(int concurrency) => intake?.Rows.FirstOrDefault(r => r.Concurrency == concurrency);
        rows.Add(GoalRow.AtLeast("intake: signed webhooks ÷ raw single inserts, concurrency 16", "0.14", Level(16)?.Ratio, 0.5, "0.00"));
        rows.Add(GoalRow.AtMost("intake: webhook p99 at concurrency 16 (ms)", "161.5", Level(16)?.Webhook.P99Ms, 100, "0.0"));
        rows.Add(GoalRow.AtMost("intake: webhook p99 at concurrency 64 (ms)", "3,135.9", Level(64)?.Webhook.P99Ms, 500, "0.0"));
        rows.Add(GoalRow.AtMost("intake: storage round trips per accepted webhook (counted)", "≈ 6", intake?.Rounds.PerRequest, 2, "0.00"));

        var import = province?.FirstImport;
        var districts = province?.Counts.Districts ?? 0;
        rows.Add(GoalRow.AtLeast($"import: first import of {districts} districts, entities/s", "729 (1,606 quiet)",
            import is null ? null : import.EntitiesWritten / import.Wall.TotalSeconds, 5000, "N0"));
        rows.Add(GoalRow.AtMost("import: storage requests per district", "380", import is null || districts == 0 ? null : import.Requests / (double)districts, 200, "0"));
        if (import?.EmulatorCpu is { } azurite)
        {
            rows.Add(GoalRow.Info("import: Azurite's CPU ÷ wall time (1.00 = its one core saturated)", "1.00 (quiet run)",
                (azurite.TotalSeconds / import.Wall.TotalSeconds).ToString("0.00", CultureInfo.InvariantCulture)));
            // Azurite is one Node.js thread: entities per second of its CPU is the most a full core of it can write,
            // whatever the load (CPU time, unlike wall time, is hardly the neighbours').
            rows.Add(GoalRow.Info("import: ceiling from Azurite's CPU (entities ÷ Azurite CPU s)", "≈ 1,600 (quiet run)",
                (import.EntitiesWritten / Math.Max(azurite.TotalSeconds, 1e-9)).ToString("N0", CultureInfo.InvariantCulture)));
        }

        var fanOut = engine?.Ratios.FirstOrDefault(r => r.Measure.StartsWith("fan-out of 100 ", StringComparison.Ordinal));
        rows.Add(GoalRow.AtLeast("engine: fan-out of 100 activities ÷ Durable Functions' 100/s per instance", "0.41", fanOut?.Ratio, 1.0, "0.00"));
        var fanOutCost = engine?.Micro.FirstOrDefault(m => m.Name.StartsWith("activities, fan-out of 100 ", StringComparison.Ordinal));
        rows.Add(GoalRow.Info("engine: storage requests per activity (fan-out of 100)", "6.86",
            fanOutCost is null ? "–" : (fanOutCost.Cost.StorageRequests / (double)fanOutCost.Items).ToString("0.00", CultureInfo.InvariantCulture)));
        if (fanOutCost?.Cost.EmulatorCpu is { } engineAzurite && fanOutCost.Items > 0)
        {
            var azuriteMs = engineAzurite.TotalMilliseconds / fanOutCost.Items;
            var processMs = fanOutCost.Cost.ProcessCpu.TotalMilliseconds / fanOutCost.Items;
            rows.Add(GoalRow.Info("engine: ceiling from CPU per activity, activities/s (Azurite ≤ 1 core, both ≤ all cores)", "not measured",
                Math.Min(1000 / azuriteMs, Environment.ProcessorCount * 1000 / (azuriteMs + processMs)).ToString("0", CultureInfo.InvariantCulture)));
        }

        var cycle = engine?.Cycle;
        var cycleName = cycle is null ? "province" : $"{cycle.Districts} districts";
        rows.Add(GoalRow.AtMost($"monthly cycle ({cycleName}): last result → Completed (s)", "64.7", cycle?.AfterLastResult.Cost.Wall.TotalSeconds, 30, "0.0"));
        rows.Add(GoalRow.AtMost($"monthly cycle ({cycleName}): storage requests, last result → Completed", "12,522", cycle?.AfterLastResult.Cost.StorageRequests, 6000, "N0"));
        rows.Add(GoalRow.AtMost("host: resident memory after the province import and the cycle (MB)", "not measured", engine?.MemoryAfterCycle?.ResidentMb, 500, "0"));

        rows.Add(GoalRow.AtLeast("mail: outbox dispatcher ÷ connect-per-message loop", "8.51", mail?.NaiveRatio, 8, "0.00"));
        rows.Add(GoalRow.Info("mail: dispatcher ÷ MailDev's ceiling (one pooled connection, no storage)", "not measured",
            mail is null ? "–" : mail.PooledShare.ToString("0.00", CultureInfo.InvariantCulture)));
        if (mail?.DispatcherCost is { } dispatcher && mail.Messages > 0)
        {
            rows.Add(GoalRow.Info("mail: dispatcher's storage requests per message (counted)", "5",
                (dispatcher.StorageRequests / (double)mail.Messages).ToString("0.00", CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    /// <summary>The 1-minute load average on Linux, "n/a" elsewhere.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}

/// <summary>One goal: what was measured against what was wanted.</summary>
internal sealed record GoalRow(string Measure, string Before, string Measured, string Goal, string Ratio, string Met)
{
    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    public static GoalRow AtLeast(string measure, string before, double? measured, double goal, string format) =>
        measured is not { } m
            ? new GoalRow(measure, before, "not run", $"≥ {F(goal, format)}", "–", "–")
            : new GoalRow(measure, before, F(m, format), $"≥ {F(goal, format)}", F(m / goal, "0.00"), m >= goal ? "yes" : "**no**");

    public static GoalRow AtMost(string measure, string before, double? measured, double goal, string format) =>
        measured is not { } m
            ? new GoalRow(measure, before, "not run", $"≤ {F(goal, format)}", "–", "–")
            : new GoalRow(measure, before, F(m, format), $"≤ {F(goal, format)}", F(goal / Math.Max(m, 1e-9), "0.00"), m <= goal ? "yes" : "**no**");

    public static GoalRow Info(string measure, string before, string measured) => new(measure, before, measured, "(evidence)", "–", "–");
}

/// <summary>The <c>all</c> run: the goals table and every scenario's own report.</summary>
internal sealed record AllResult(
    DateTimeOffset StartedAt, string Machine, bool Quick, string LoadAtStart, string LoadAtEnd, TimeSpan Wall,
    IReadOnlyList<GoalRow> Goals, IReadOnlyList<(string Scenario, string Markdown)> Sections, IReadOnlyList<string> Failures, bool Passed)
{
    /// <summary>The goals table alone (what bench/README.md shows).</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(FormattableString.Invariant(line)).Append('\n');
        Line($"#### All scenarios{(Quick ? " (quick sizes)" : string.Empty)} — {StartedAt:yyyy-MM-dd HH:mm} UTC");
        Line($"");
        Line($"{Machine}. **Load average {LoadAtStart} at start, {LoadAtEnd} at end** (2 cores: above 2, other work shared them). Whole run {Wall.TotalMinutes:0.0} min. Azurite in memory on loopback, not Azure Storage: request counts carry over, milliseconds do not.");
        Line($"");
        Line($"| Measure | Before (2026-11-27) | Now | Goal | Ratio to goal | Met |");
        Line($"|---|--:|--:|--:|--:|---|");
        foreach (var goal in Goals)
        {
            Line($"| {goal.Measure} | {goal.Before} | {goal.Measured} | {goal.Goal} | {goal.Ratio} | {goal.Met} |");
        }

        Line($"");
        Line($"Ratio to goal: measured ÷ goal for an \"at least\", goal ÷ measured for an \"at most\"; 1.00 or more is met.");
        Line($"Checks of every scenario (re-import writes nothing, one request per unit query, exactly N mails, one stored event per accepted webhook, ≤ 2 round trips per webhook): {(Passed ? "all passed" : "**some failed or a scenario did not run**")}.");
        foreach (var failure in Failures)
        {
            Line($"- failed: {failure}");
        }

        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder(Summary());
        foreach (var (scenario, markdown) in Sections)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"<!-- scenario: {scenario} -->\n").Append(markdown);
        }

        return text.ToString();
    }
}
