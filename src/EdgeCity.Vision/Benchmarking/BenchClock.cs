using System.Diagnostics;

namespace EdgeCity.Vision.Benchmarking;

/// <summary>The process's CPU time, for CPU cost per frame (what a stage costs whatever else the box runs).</summary>
internal static class BenchClock
{
    public static double ProcessCpuMs()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }
}
