using System.Globalization;

namespace RectifyFlows.Bench;

/// <summary>The command line of the benchmark, parsed and range-checked.</summary>
internal sealed record BenchOptions
{
    public const string StorageVariable = "RECTIFYFLOWS_BENCH_STORAGE";
    public const string ProvinceScenario = "province";

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

    public static string Usage =>
        """
        Usage: dotnet run -c Release --project bench/RectifyFlows.Bench -- [province] [options]

        Scenarios:
          province                 (default) import a synthetic province, re-import it, time the queries

        Options:
          --districts N            districts generated from seeds/ganxian-2017.plan.json (1-999, default 100)
          --parallel N             districts imported at the same time (1-64, default 4)
          --samples N              samples per query after the warm-ups (default 200)
          --overdue-samples N      samples of the province-wide overdue query (default 30)
          --warmups N              unmeasured runs before each query's samples (default 10)
          --seed N                 seed for the random choice of units and plans (default 2017)
          --out [DIR]              also write the table to DIR/province-<yyyyMMdd-HHmm>.md (default bench/results)
          --timeout-minutes N      give up after N minutes (default 30)
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

        if (!string.Equals(options.Scenario, ProvinceScenario, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Unknown scenario '{options.Scenario}'; the only one is '{ProvinceScenario}'.");
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
