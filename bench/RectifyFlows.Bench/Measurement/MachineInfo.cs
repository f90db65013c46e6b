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
        return FormattableString.Invariant(
            $"{Environment.ProcessorCount} logical CPUs{(cpu is null ? string.Empty : $" ({cpu})")}, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}, {Build}");
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
