using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using RectifyFlows.Bench.Measurement;
using RectifyFlows.Bench.Storage;
using RectifyFlows.Domain.Measures;
using RectifyFlows.Domain.Plans;
using RectifyFlows.Domain.Units;
using RectifyFlows.Storage.Ledger;
using RectifyFlows.Storage.Plans;
using RectifyFlows.Storage.Tables;

namespace RectifyFlows.Bench.Province;

/// <summary>
/// The <c>province</c> scenario: N synthetic districts from the seed plan imported in parallel, imported again
/// (which must write nothing), then the three read paths a user waits on, each timed sequentially.
/// </summary>
internal sealed class ProvinceScenario(BenchOptions options, string repositoryRoot)
{
    public const string Actor = "bench";

    /// <summary>The date of the overdue query: just after most of the seed's deadlines (2017-03-31).</summary>
    public static readonly DateOnly OverdueDate = new(2017, 4, 1);

    public async Task<ProvinceResult> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Describe();
        var total = Stopwatch.StartNew();
        var checks = new List<Check>();

        var generate = Stopwatch.StartNew();
        var plans = Generate();
        generate.Stop();
        var counts = Count(plans);
        Progress.Write($"Generated and validated {counts.Districts} districts in {generate.Elapsed.TotalSeconds:0.0} s: "
            + $"{counts.Townships} townships, {counts.Villages} villages, {counts.Measures} measures.");

        await using var storage = await BenchStorage.StartAsync(repositoryRoot, cancellationToken);
        var importer = storage.Get<PlanImporter>();

        // 1. First import of the whole province.
        var first = await ImportAllAsync("First import", plans, importer, storage, cancellationToken);
        var afterFirst = await TableSnapshot.TakeAsync(storage.AllTables, storage.Prefix, cancellationToken);
        first = first with { EntitiesWritten = afterFirst.Total };
        Progress.Write($"Imported in {first.Wall.TotalSeconds:0.0} s with {first.Requests} requests; {afterFirst.Total} entities "
            + $"(snapshot: {afterFirst.Requests} requests).");
        checks.Add(new Check("first import creates every plan",
            first.Outcomes.GetValueOrDefault(PlanImportOutcome.Created) == plans.Count, Outcomes(first)));
        var byTable = afterFirst.Counts;
        checks.Add(new Check("one directory row per measure",
            byTable.GetValueOrDefault("MeasureDirectory") == counts.Measures, FormattableString.Invariant($"{byTable.GetValueOrDefault("MeasureDirectory"):N0} rows")));
        // The same table also indexes units by parent (partitions children|{parent}, plan format 2); those are not listings.
        var listingRows = afterFirst.CountOf("UnitsByDistrict", "children|");
        checks.Add(new Check("one district listing row per unit",
            listingRows == counts.Units, FormattableString.Invariant($"{listingRows:N0} rows (and {byTable.GetValueOrDefault("UnitsByDistrict") - listingRows:N0} rows of the by-parent index)")));

        // 2. The same province again: idempotent, so every plan is Unchanged and no row is added or rewritten.
        var again = await ImportAllAsync("Re-import (same content)", plans, importer, storage, cancellationToken);
        var afterAgain = await TableSnapshot.TakeAsync(storage.AllTables, storage.Prefix, cancellationToken);
        var (added, removed, changed) = afterFirst.Compare(afterAgain);
        again = again with { EntitiesWritten = added, EntitiesRewritten = changed };
        Progress.Write($"Re-imported in {again.Wall.TotalSeconds:0.0} s with {again.Requests} requests; "
            + $"{added} rows added, {changed} rewritten, {removed} removed.");
        checks.Add(new Check("re-import leaves every plan Unchanged",
            again.Outcomes.GetValueOrDefault(PlanImportOutcome.Unchanged) == plans.Count, Outcomes(again)));
        checks.Add(new Check("re-import writes nothing (no row added, removed or with a new ETag)",
            added == 0 && changed == 0 && removed == 0 && afterAgain.Unversioned == 0,
            $"{added} added, {changed} rewritten, {removed} removed" + (afterAgain.Unversioned == 0 ? string.Empty : $"; {afterAgain.Unversioned} rows without an ETag")));
        checks.Add(new Check("re-import reads one row per plan",
            again.Requests == plans.Count, $"{again.Requests} requests for {plans.Count} plans"));

        // 3. Query latency, sequential, after warm-ups.
        var random = new Random(options.Seed);
        var repository = storage.Get<MeasureRepository>();
        var unitsByPlan = plans.Select(plan => plan.Units
                .Where(unit => unit.Kind is UnitKind.Township or UnitKind.Department)
                .Select(unit => unit.Id)
                .ToArray())
            .ToArray();

        var byUnit = new QuerySamples("measures of one unit (`ListByUnitAsync`)");
        await SampleAsync(byUnit, options.Samples, () =>
        {
            var units = unitsByPlan[random.Next(unitsByPlan.Length)];
            return repository.ListByUnitAsync(units[random.Next(units.Length)], null, cancellationToken);
        }, cancellationToken);

        var overdue = new QuerySamples($"overdue on {OverdueDate:yyyy-MM-dd}, province-wide (`ListOverdueAsync`)");
        await SampleAsync(overdue, options.OverdueSamples,
            () => repository.ListOverdueAsync(OverdueDate, cancellationToken), cancellationToken);

        var byPlan = new QuerySamples("ledger of one plan (`ListByPlanAsync`)");
        await SampleAsync(byPlan, options.Samples,
            () => repository.ListByPlanAsync(plans[random.Next(plans.Count)].Id, cancellationToken), cancellationToken);

        var queries = new[] { byUnit.Summarize(), overdue.Summarize(), byPlan.Summarize() };
        checks.Add(new Check("a unit's measures are one request (one partition)",
            queries[0].MaxRequests == 1 && queries[0].MinRequests == 1, RequestRange(queries[0])));
        var perPlan = counts.Measures / (double)counts.Districts;
        checks.Add(new Check("a plan's ledger returns all its measures",
            Math.Abs(queries[2].MeanRows - perPlan) < 0.001, FormattableString.Invariant($"{queries[2].MeanRows:0.#} rows, {perPlan:0.#} expected")));

        total.Stop();
        return new ProvinceResult(options, startedAt, machine, storage.Description, generate.Elapsed, counts,
            first, again, byTable, queries, checks, total.Elapsed);
    }

    private List<Plan> Generate() => GeneratePlans(repositoryRoot, options.Districts);

    /// <summary>The synthetic province: <paramref name="districts"/> copies of the seed plan, each validated.</summary>
    internal static List<Plan> GeneratePlans(string repositoryRoot, int districts)
    {
        var seedPath = RepositoryRoot.SeedPlan(repositoryRoot);
        var seed = JsonSerializer.Deserialize<PlanDocument>(File.ReadAllBytes(seedPath), PlanReader.JsonOptions)
            ?? throw new InvalidOperationException($"{seedPath} holds no plan.");
        var plans = new List<Plan>(districts);
        foreach (var document in SyntheticPlanGenerator.Generate(seed, districts))
        {
            var read = PlanReader.Validate(document);
            if (!read.IsValid)
            {
                var errors = read.Errors.ToDictionary().Take(20).Select(e => $"  {e.Key}: {string.Join(" ", e.Value)}");
                throw new InvalidOperationException(
                    $"Generated plan {document.PlanId} is invalid ({read.Errors.Count} errors):\n{string.Join('\n', errors)}");
            }

            plans.Add(read.Plan!);
        }

        return plans;
    }

    private static ProvinceCounts Count(List<Plan> plans)
    {
        int Units(UnitKind kind) => plans.Sum(plan => plan.Units.Count(unit => unit.Kind == kind));
        return new ProvinceCounts(
            Districts: plans.Count,
            Departments: Units(UnitKind.Department),
            Townships: Units(UnitKind.Township),
            Villages: Units(UnitKind.Village),
            Units: plans.Sum(plan => plan.Units.Count),
            Officials: plans.Sum(plan => plan.Officials.Count),
            Cadres: plans.Sum(plan => plan.Cadres.Count),
            Measures: plans.Sum(plan => plan.Measures.Count),
            Problems: plans.Sum(plan => plan.Problems.Count));
    }

    private async Task<ImportRun> ImportAllAsync(
        string name, List<Plan> plans, PlanImporter importer, BenchStorage storage, CancellationToken cancellationToken)
    {
        Progress.Write($"{name}: {plans.Count} districts, {options.Parallel} at a time...");
        var districtMilliseconds = new ConcurrentBag<double>();
        var outcomes = new ConcurrentDictionary<PlanImportOutcome, int>();
        var done = 0;

        // Begun here, the AsyncLocal counter flows into the tasks Parallel.ForEachAsync starts below.
        using var scope = StorageRequestCounter.Begin();
        using var mix = RequestMix.Begin(storage.Prefix);
        var emulatorCpu = storage.EmulatorCpuTime();
        var benchCpu = Environment.CpuUsage.TotalTime;
        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            plans,
            new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = cancellationToken },
            async (plan, ct) =>
            {
                var start = Stopwatch.GetTimestamp();
                var result = await importer.ImportAsync(plan, Actor, ct);
                districtMilliseconds.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                outcomes.AddOrUpdate(result.Outcome, 1, (_, n) => n + 1);
                var finished = Interlocked.Increment(ref done);
                if (finished % 10 == 0 && finished < plans.Count)
                {
                    Progress.Write($"  {finished}/{plans.Count} districts, {scope.Requests} requests so far");
                }
            });
        wall.Stop();
        mix.Stop();
        var emulatorCpuUsed = storage.EmulatorCpuTime() - emulatorCpu;
        var benchCpuUsed = Environment.CpuUsage.TotalTime - benchCpu;
        return new ImportRun(name, wall.Elapsed, scope.Requests, [.. districtMilliseconds.Order()],
            outcomes.ToDictionary(), EntitiesWritten: 0, EntitiesRewritten: 0, mix.Counts, benchCpuUsed, emulatorCpuUsed);
    }

    private async Task SampleAsync(
        QuerySamples samples, int count, Func<IAsyncEnumerable<Measure>> next, CancellationToken cancellationToken)
    {
        Progress.Write($"Query {samples.Name}: {options.Warmups} warm-ups, {count} samples...");
        for (var i = 0; i < options.Warmups; i++)
        {
            await samples.RunAsync(next(), record: false, cancellationToken);
        }

        for (var i = 0; i < count; i++)
        {
            await samples.RunAsync(next(), record: true, cancellationToken);
        }
    }

    private static string Outcomes(ImportRun run) =>
        string.Join(", ", run.Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Value} {o.Key}"));

    private static string RequestRange(QueryStats stats) =>
        stats.MinRequests == stats.MaxRequests
            ? FormattableString.Invariant($"{stats.MinRequests} request(s) per query")
            : FormattableString.Invariant($"{stats.MinRequests}–{stats.MaxRequests} requests per query");
}
