using System.Text;
using RectifyFlows.Bench.Measurement;
using RectifyFlows.Storage.Plans;

namespace RectifyFlows.Bench.Province;

/// <summary>Renders a <see cref="ProvinceResult"/> as Markdown: a header with the machine, then one table per step.</summary>
internal static class ProvinceReport
{
    public static string ToMarkdown(ProvinceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var options = result.Options;
        var counts = result.Counts;
        var md = new StringBuilder();
        void Line(FormattableString text) => md.Append(FormattableString.Invariant(text)).Append('\n');

        Line($"### Province, {counts.Districts} districts — {result.StartedAt:yyyy-MM-dd HH:mm} UTC");
        Line($"");
        Line($"{result.Machine}. {result.Storage}.");
        Line($"Import {options.Parallel} districts at a time; queries sequential after {options.Warmups} warm-ups; random seed {options.Seed}; whole run {result.Total.TotalSeconds:0} s (generating and validating the plans: {result.GenerateTime.TotalSeconds:0.0} s).");
        Line($"");

        Line($"| Province | Count | Per district |");
        Line($"|---|--:|--:|");
        void CountRow(string name, int count) => Line($"| {name} | {count:N0} | {count / (double)counts.Districts:0.#} |");
        CountRow("districts", counts.Districts);
        CountRow("townships", counts.Townships);
        CountRow("villages", counts.Villages);
        CountRow("departments", counts.Departments);
        CountRow("units, all kinds", counts.Units);
        CountRow("officials and cadres", counts.Officials + counts.Cadres);
        CountRow("problems", counts.Problems);
        CountRow("measures", counts.Measures);
        Line($"");

        Line($"| Import | Wall (s) | Storage requests | Requests/s | Entities written | Entities/s | Per district p50 / p95 / max (s) | Outcome |");
        Line($"|---|--:|--:|--:|--:|--:|--:|---|");
        foreach (var run in new[] { result.FirstImport, result.Reimport })
        {
            var seconds = run.Wall.TotalSeconds;
            var written = run.EntitiesRewritten > 0
                ? FormattableString.Invariant($"{run.EntitiesWritten:N0} (+{run.EntitiesRewritten:N0} rewritten)")
                : FormattableString.Invariant($"{run.EntitiesWritten:N0}");
            var perDistrict = FormattableString.Invariant(
                $"{Percentiles.Of(run.DistrictMilliseconds, 50) / 1000:0.00} / {Percentiles.Of(run.DistrictMilliseconds, 95) / 1000:0.00} / {Percentiles.Of(run.DistrictMilliseconds, 100) / 1000:0.00}");
            var outcome = string.Join(", ", run.Outcomes.OrderBy(o => o.Key).Select(o => FormattableString.Invariant($"{o.Value} {o.Key}")));
            Line($"| {run.Name} | {seconds:0.00} | {run.Requests:N0} | {run.Requests / seconds:N0} | {written} | {(run.EntitiesWritten == 0 ? "–" : FormattableString.Invariant($"{run.EntitiesWritten / seconds:N0}"))} | {perDistrict} | {outcome} |");
        }

        var firstRun = result.FirstImport;
        Line($"");
        Line($"CPU during the first import: {(firstRun.EmulatorCpu is { } emulator ? FormattableString.Invariant($"Azurite {emulator.TotalSeconds:0.0} s, ") : string.Empty)}this process {firstRun.BenchCpu.TotalSeconds:0.0} s, in {firstRun.Wall.TotalSeconds:0.0} s of wall time on {Environment.ProcessorCount} logical CPUs.{(firstRun.EmulatorCpu is { } cpu && cpu > TimeSpan.Zero ? FormattableString.Invariant($" Azurite (one Node.js thread) wrote {firstRun.EntitiesWritten / cpu.TotalSeconds:N0} entities per second of its CPU: the most this import can reach here with Azurite on a full core, whatever the load.") : string.Empty)}");
        Line($"");
        Line($"| Query | Samples | p50 (ms) | p95 (ms) | max (ms) | Mean rows | Requests/query |");
        Line($"|---|--:|--:|--:|--:|--:|--:|");
        foreach (var query in result.Queries)
        {
            var requests = query.MinRequests == query.MaxRequests
                ? FormattableString.Invariant($"{query.MinRequests}")
                : FormattableString.Invariant($"{query.MeanRequests:0.0} ({query.MinRequests}–{query.MaxRequests})");
            Line($"| {query.Name} | {query.Samples} | {query.P50Milliseconds:0.0} | {query.P95Milliseconds:0.0} | {query.MaxMilliseconds:0.0} | {query.MeanRows:N1} | {requests} |");
        }

        Line($"");
        Line($"| Table (rows after the first import) | Entities | Per district |");
        Line($"|---|--:|--:|");
        foreach (var (table, rows) in result.EntitiesByTable.Where(t => t.Value > 0))
        {
            Line($"| {table} | {rows:N0} | {rows / (double)counts.Districts:#,0.#} |");
        }

        var empty = result.EntitiesByTable.Where(t => t.Value == 0).Select(t => t.Key).ToList();
        if (empty.Count > 0)
        {
            Line($"| empty: {string.Join(", ", empty)} | 0 | 0 |");
        }

        Line($"| **total** | **{result.EntitiesByTable.Values.Sum():N0}** | {result.EntitiesByTable.Values.Sum() / (double)counts.Districts:#,0.#} |");
        Line($"");

        var mix = result.FirstImport.RequestsByKind;
        if (mix.Count > 0)
        {
            Line($"| Requests of the first import, by kind | Requests | Per district | Share |");
            Line($"|---|--:|--:|--:|");
            var all = mix.Sum(m => m.Value);
            foreach (var (kind, requests) in mix)
            {
                Line($"| {kind} | {requests:N0} | {requests / (double)counts.Districts:#,0.#} | {requests / (double)all:0%} |");
            }

            Line($"| **total** (HttpClient's count; the counter's: {result.FirstImport.Requests:N0}) | **{all:N0}** | {all / (double)counts.Districts:#,0.#} | |");
            Line($"");
        }

        var failed = result.Checks.Count(c => !c.Passed);
        Line($"Checks: {(failed == 0 ? "all passed" : FormattableString.Invariant($"**{failed} failed**"))}.");
        Line($"");
        foreach (var check in result.Checks)
        {
            Line($"- {(check.Passed ? "✓" : "✗ FAILED:")} {check.Name} — {check.Observed}");
        }

        var created = result.FirstImport.Outcomes.GetValueOrDefault(PlanImportOutcome.Created);
        if (created > 0)
        {
            Line($"");
            Line($"First import, per district: {result.FirstImport.Requests / (double)created:0} requests for {result.FirstImport.EntitiesWritten / (double)created:0} entities.");
        }

        return md.ToString();
    }
}
