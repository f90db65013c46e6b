// One file for every test assembly, linked in by tests/Directory.Build.targets: the run's parallelism (switched per
// assembly in tests/Directory.Build.props), the Azurite cleanup, and the timeouts every test names.
#if PARALLELIZE_TEST_METHODS
[assembly: Parallelize(Workers = 4, Scope = ExecutionScope.MethodLevel)]
#else
[assembly: DoNotParallelize]
#endif

namespace RectifyFlows.Testing;

/// <summary>
/// The timeouts a test names in <c>[Timeout(...)]</c> (every test has one), by what the test waits for. A timeout only
/// ends a hung test: the values are generous for a loaded two-core CI machine, and no test asserts wall-clock time.
/// </summary>
internal static class TestTimeouts
{
    /// <summary>In memory: domain rules, orchestrators on the in-process engine, parsing, templates.</summary>
    public const int Unit = 10_000;

    /// <summary>A few reads and writes on Azurite, or a few calls to a host that is already running.</summary>
    public const int Request = 60_000;

    /// <summary>Starts a host process (or the Functions harness) or runs one workflow to its end.</summary>
    public const int Host = 180_000;

    /// <summary>Whole cycles on a host, several host starts, or a load of thousands of requests.</summary>
    public const int Cycle = 420_000;

    /// <summary>Kills and restarts hosts and their emulators to prove recovery.</summary>
    public const int Crash = 900_000;
}

#if STOPS_TEST_STORAGE
/// <summary>Stops the run's shared Azurite when the assembly's tests are done, so no emulator outlives the test run.</summary>
[TestClass]
public static class TestAssemblyCleanup
{
    [AssemblyCleanup]
    public static Task StopAzuriteAsync() => TestStorage.StopAsync();
}
#endif
