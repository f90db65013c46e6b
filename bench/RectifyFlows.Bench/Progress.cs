using System.Diagnostics;

namespace RectifyFlows.Bench;

/// <summary>Progress lines on stderr, stamped with the time since start, so stdout holds only the result table.</summary>
internal static class Progress
{
    private static readonly long Started = Stopwatch.GetTimestamp();

    public static void Write(string message) =>
        Console.Error.WriteLine(FormattableString.Invariant($"[{Stopwatch.GetElapsedTime(Started):mm\\:ss}] {message}"));
}
