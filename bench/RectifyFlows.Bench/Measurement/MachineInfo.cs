using System.Runtime.InteropServices;

namespace RectifyFlows.Bench.Measurement;

/// <summary>What the numbers were measured on, for the report's header line.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
#if DEBUG
        const string Build = "Debug build (use -c Release for numbers worth keeping)";
#else
        const string Build = "Release build";
#endif
        var cpu = CpuModel();
        var load = LoadAverage();
        return FormattableString.Invariant(
            $"{Environment.ProcessorCount} logical CPUs{(cpu is null ? string.Empty : $" ({cpu})")}, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}, {Build}{(load is null ? string.Empty : $", load average {load} at start")}");
    }

    /// <summary>
    /// The 1-minute load average on Linux, because on a shared machine it explains most of the spread between runs.
    /// </summary>
    private static string? LoadAverage()
    {
        const string LoadAvg = "/proc/loadavg";
        return File.Exists(LoadAvg) ? File.ReadAllText(LoadAvg).Split(' ')[0] : null;
    }

    /// <summary>The CPU model on Linux; null elsewhere (it is a nicety, not a requirement).</summary>
    private static string? CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        if (!File.Exists(CpuInfo))
        {
            return null;
        }

        var line = File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
