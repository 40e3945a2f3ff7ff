using System.Diagnostics;

namespace DeepForge.Benchmarks;

/// <summary>
/// One side of a bench train round: wall time, the process's CPU time (user and system, every thread: libtorch's
/// OpenMP team, the store's writes, the GC) and the GC's pause time over the same span.
/// </summary>
internal sealed record TrainSample(double WallMs, double CpuMs, double GcPauseMs)
{
    /// <summary>Runs <paramref name="work"/> and measures it.</summary>
    public static async Task<TrainSample> MeasureAsync(Func<Task> work)
    {
        var (cpu, pause) = (CpuNow(), GC.GetTotalPauseDuration());
        var clock = Stopwatch.StartNew();
        await work();
        var wall = clock.Elapsed.TotalMilliseconds;
        return new TrainSample(wall, (CpuNow() - cpu).TotalMilliseconds, (GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
    }

    private static TimeSpan CpuNow()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
