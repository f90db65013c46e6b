using System.Diagnostics;

namespace RectifyFlows.Bench.Measurement;

/// <summary>
/// The process's resident memory (what the OS counts against the host: working set on Linux is RSS) right now and at
/// its peak, and the managed heap after a full collection (what the host itself still holds).
/// </summary>
internal sealed record ResidentMemory(long ResidentBytes, long PeakResidentBytes, long ManagedHeapBytes)
{
    /// <summary>The goal of issue 13: the host after the province import and one province cycle.</summary>
    public const long GoalBytes = 500L * 1024 * 1024;

    public double ResidentMb => ResidentBytes / 1024.0 / 1024.0;

    public double PeakMb => PeakResidentBytes / 1024.0 / 1024.0;

    public double ManagedMb => ManagedHeapBytes / 1024.0 / 1024.0;

    public static ResidentMemory Measure()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new ResidentMemory(process.WorkingSet64, process.PeakWorkingSet64, managed);
    }
}
