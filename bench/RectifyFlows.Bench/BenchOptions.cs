using System.Globalization;

namespace RectifyFlows.Bench;

/// <summary>The command line of the benchmark, parsed and range-checked.</summary>
internal sealed record BenchOptions
{
    public const string StorageVariable = "RECTIFYFLOWS_BENCH_STORAGE";
    public const string ProvinceScenario = "province";
    public const string EngineScenario = "engine";
    public const string IntakeScenario = "intake";
    public const string MailScenario = "mail";
    public const string AllScenario = "all";

    public string Scenario { get; init; } = ProvinceScenario;

    /// <summary>Copies of the seed district; the generator numbers them d001…d999.</summary>
    public int Districts { get; init; } = 100;

    /// <summary>Districts imported at the same time.</summary>
    public int Parallel { get; init; } = 4;

    public int Samples { get; init; } = 200;

    /// <summary>The overdue query reads ~26 rows per district, so it gets fewer samples.</summary>
    public int OverdueSamples { get; init; } = 30;

    public int Warmups { get; init; } = 10;

    /// <summary>Seed of the random choice of units and plans to query, so runs are comparable.</summary>
    public int Seed { get; init; } = 2017;

    /// <summary>Folder to write the Markdown result to; null prints only.</summary>
    public string? OutDirectory { get; init; }

    /// <summary>Set when <c>--out</c> is given without a folder: bench/results in the repository.</summary>
    public bool OutToDefault { get; init; }

    /// <summary>The whole run is cancelled after this long, so a stuck emulator cannot hang it forever.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    public bool ShowHelp { get; init; }

    /// <summary><c>all</c>: smaller sizes everywhere, for a quick look (a few minutes) rather than figures to keep.</summary>
    public bool Quick { get; init; }

    /// <summary>Intake scenario: requests per concurrency level, for the webhook and for the raw inserts each.</summary>
    public int Requests { get; init; } = 2000;

    // The engine scenario (see bench/README.md).

    /// <summary>No-op orchestrations scheduled for the start-rate benchmark.</summary>
    public int Orchestrations { get; init; } = 500;

    /// <summary>Activities of the large fan-out (the small one is always 100).</summary>
    public int LargeFanOut { get; init; } = 1000;

    /// <summary>Orchestrations each sleeping on one durable timer.</summary>
    public int Timers { get; init; } = 200;

    /// <summary>Orchestrations waiting for external events, and the events each waits for.</summary>
    public int EventInstances { get; init; } = 20;

    public int EventsPerInstance { get; init; } = 25;

    /// <summary>Client calls (starts, raises, inspection results) in flight at once.</summary>
    public int ClientParallel { get; init; } = 16;

    /// <summary>Overrides RectifyFlows:Durable:MaxConcurrentActivities/Orchestrations; null keeps the host's default.</summary>
    public int? EngineConcurrency { get; init; }

    /// <summary>The monthly cycle's inspection window; the cycle must end before it, when every team has reported.</summary>
    public int WindowMinutes { get; init; } = 10;

    public bool SkipMicro { get; init; }

    /// <summary>Only the two fan-outs of the micro-benchmarks (tuning the engine's settings one run at a time).</summary>
    public bool FanOutOnly { get; init; }

    /// <summary>
    /// <c>--engine-setting Key=Value</c>: any <c>RectifyFlows:Durable:Key</c> for this run (partitions, polling, batch
    /// size, extended sessions), shown in the report's engine line.
    /// </summary>
    public IReadOnlyDictionary<string, string> EngineSettings { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public bool SkipCycle { get; init; }

    // The mail scenario.

    /// <summary>Messages written to the outbox and delivered, then sent again by the naive loop.</summary>
    public int Mails { get; init; } = 10_000;

    public static string Usage =>
        """
        Usage: dotnet run -c Release --project bench/RectifyFlows.Bench -- [province|engine|intake|mail|all] [options]

        Scenarios:
          all                      every scenario below in turn, then one table of every goal of issue 13 (measured,
                                   goal, ratio, met) with the load average at start and end; --quick for small sizes.
                                   With --out: each scenario's table, all-<stamp>.md, and bench/README.md's summary.
          province                 (default) import a synthetic province, re-import it, time the queries
          engine                   the standalone durable engine: orchestration starts, fan-out activities, timers and
                                   external events per second, then the monthly cycle on the synthetic province
          intake                   signed webhook intake through the host at concurrency 1, 16, 64 next to raw inserts
          mail                     the outbox dispatcher delivering N mails to MailDev against a naive loop that
                                   connects, sends and disconnects per message

        Options:
          --districts N            districts generated from seeds/ganxian-2017.plan.json (1-999, default 100)
          --parallel N             districts imported at the same time (1-64, default 4)
          --samples N              samples per query after the warm-ups (default 200)
          --overdue-samples N      samples of the province-wide overdue query (default 30)
          --warmups N              unmeasured runs before each query's samples (default 10)
          --seed N                 seed for the random choice of units and plans (default 2017)
          --out [DIR]              also write the table to DIR/province-<yyyyMMdd-HHmm>.md (default bench/results)
          --timeout-minutes N      give up after N minutes (default 30)

        Engine scenario (--districts and --parallel apply to its province import):
          --orchestrations N       no-op orchestrations started (default 500)
          --fan-out N              activities of the large fan-out; the small one is 100 (default 1000, 0 skips it)
          --timers N               orchestrations each waiting on a 2 s durable timer (default 200)
          --event-instances M      orchestrations waiting for external events (default 20)
          --events-per-instance K  events each of them waits for (default 25)
          --client-parallel N      client calls in flight at once (default 16)
          --engine-concurrency N   override MaxConcurrentActivities/Orchestrations (host default: 50 each)
          --window-minutes N       the monthly cycle's inspection window (default 10)
          --engine-setting K=V     set RectifyFlows:Durable:K for this run (repeatable), e.g. PartitionCount=1,
                                   ControlQueueBatchSize=8, ExtendedSessions=true, MaxQueuePollingInterval=00:00:05
          --fan-out-only           of the micro-benchmarks only the fan-outs (100 and --fan-out)
          --skip-micro             only the monthly cycle
          --skip-cycle             only the micro-benchmarks
        Intake scenario (signed webhooks to the host over loopback vs raw Azurite inserts, concurrency 1/16/64):
          --requests N             requests per concurrency level for each of the two (default 2000)

        Mail scenario:
          --mails N                messages delivered by each approach (default 10000)
          -h, --help               this text

        Storage: the connection string in RECTIFYFLOWS_BENCH_STORAGE, else an in-memory Azurite started from the
        repository's node_modules. Tables get a fresh random prefix and are deleted at the end.
        """;

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a readable message on a bad one.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    options = options with { ShowHelp = true };
                    break;
                case "--scenario":
                    options = options with { Scenario = Value(args, ref i) };
                    break;
                case "--districts":
                    options = options with { Districts = Number(args, ref i, 1, 999) };
                    break;
                case "--parallel":
                    options = options with { Parallel = Number(args, ref i, 1, 64) };
                    break;
                case "--samples":
                    options = options with { Samples = Number(args, ref i, 1, 100_000) };
                    break;
                case "--overdue-samples":
                    options = options with { OverdueSamples = Number(args, ref i, 1, 100_000) };
                    break;
                case "--warmups":
                    options = options with { Warmups = Number(args, ref i, 0, 1_000) };
                    break;
                case "--seed":
                    options = options with { Seed = Number(args, ref i, 0, int.MaxValue) };
                    break;
                case "--timeout-minutes":
                    options = options with { Timeout = TimeSpan.FromMinutes(Number(args, ref i, 1, 24 * 60)) };
                    break;
                case "--orchestrations":
                    options = options with { Orchestrations = Number(args, ref i, 1, 100_000) };
                    break;
                case "--fan-out":
                    options = options with { LargeFanOut = Number(args, ref i, 0, 10_000) };
                    break;
                case "--timers":
                    options = options with { Timers = Number(args, ref i, 1, 100_000) };
                    break;
                case "--event-instances":
                    options = options with { EventInstances = Number(args, ref i, 1, 1_000) };
                    break;
                case "--events-per-instance":
                    options = options with { EventsPerInstance = Number(args, ref i, 1, 1_000) };
                    break;
                case "--client-parallel":
                    options = options with { ClientParallel = Number(args, ref i, 1, 256) };
                    break;
                case "--engine-concurrency":
                    options = options with { EngineConcurrency = Number(args, ref i, 1, 1_000) };
                    break;
                case "--engine-setting":
                    options = options with { EngineSettings = WithSetting(options.EngineSettings, i + 1 < args.Count ? args[++i] : string.Empty) };
                    break;
                case "--fan-out-only":
                    options = options with { FanOutOnly = true };
                    break;
                case "--window-minutes":
                    options = options with { WindowMinutes = Number(args, ref i, 1, 120) };
                    break;
                case "--requests":
                    options = options with { Requests = Number(args, ref i, 1, 1_000_000) };
                    break;
                case "--mails":
                    options = options with { Mails = Number(args, ref i, 1, 1_000_000) };
                    break;
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--skip-micro":
                    options = options with { SkipMicro = true };
                    break;
                case "--skip-cycle":
                    options = options with { SkipCycle = true };
                    break;
                case "--out":
                    if (i + 1 < args.Count && !args[i + 1].StartsWith('-'))
                    {
                        options = options with { OutDirectory = args[++i] };
                    }
                    else
                    {
                        options = options with { OutToDefault = true };
                    }

                    break;
                default:
                    if (i == 0 && !arg.StartsWith('-'))
                    {
                        options = options with { Scenario = arg };
                        break;
                    }

                    throw new ArgumentException($"Unknown argument '{arg}'.");
            }
        }

        if (options.Scenario is not (ProvinceScenario or EngineScenario or IntakeScenario or MailScenario or AllScenario))
        {
            throw new ArgumentException($"Unknown scenario '{options.Scenario}'; use '{ProvinceScenario}', '{EngineScenario}', '{IntakeScenario}', '{MailScenario}' or '{AllScenario}'.");
        }

        if (options.SkipMicro && options.SkipCycle)
        {
            throw new ArgumentException("--skip-micro and --skip-cycle together leave nothing to run.");
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"{args[i]} needs a value.");
        }

        return args[++i];
    }

    private static Dictionary<string, string> WithSetting(IReadOnlyDictionary<string, string> settings, string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--engine-setting needs Key=Value, not '{pair}'.");
        }

        return new Dictionary<string, string>(settings, StringComparer.Ordinal) { [pair[..equals]] = pair[(equals + 1)..] };
    }

    private static int Number(IReadOnlyList<string> args, ref int i, int min, int max)
    {
        var name = args[i];
        var text = Value(args, ref i);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not '{text}'.");
        }

        return value;
    }
}
