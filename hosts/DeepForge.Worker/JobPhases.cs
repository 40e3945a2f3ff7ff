using System.Globalization;
using System.Runtime;

namespace DeepForge.Worker;

/// <summary>
/// Where a job process spends its start-up: with <c>DEEPFORGE_JOB_TIMING=1</c> in its environment, each phase (runtime
/// started, Main, services built, plugins loaded, libtorch loaded, ready, job received, job done) is written to stderr with
/// the milliseconds since the process started, the CPU it has used so far, and how many methods the JIT has compiled and
/// in how many milliseconds (code ReadyToRun left out, or tiered up). Off by default: nothing is read or written.
/// </summary>
public static class JobPhases
{
    /// <summary>The environment variable that turns the phase lines on.</summary>
    public const string Variable = "DEEPFORGE_JOB_TIMING";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>Writes one phase line to stderr when <see cref="Variable"/> is 1.</summary>
    /// <param name="phase">What has just finished.</param>
    public static void Mark(string phase)
    {
        if (!Enabled) return;
        // getrusage and two small /proc reads, not System.Diagnostics.Process: that class's own first use costs a job
        // process tens of milliseconds of CPU, which the lines would then report as the job's.
        var cpu = Environment.CpuUsage.TotalTime.TotalMilliseconds;
        var jitted = JitInfo.GetCompiledMethodCount();
        var jitMs = JitInfo.GetCompilationTime().TotalMilliseconds;
        var sinceStart = SinceStartMs();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"job-timing {phase}: {sinceStart:F0} ms since start, {cpu:F0} ms cpu, {jitted} methods jitted in {jitMs:F0} ms"));
    }

    // The process's start (field 22 of /proc/self/stat, clock ticks after boot) against the time since boot (/proc/uptime); -1 off Linux.
    private static double SinceStartMs()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var startTicks = double.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19], CultureInfo.InvariantCulture);
            var uptime = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture);
            // Clock ticks are 100 a second on every Linux ABI .NET runs on.
            return uptime * 1000 - startTicks * 10;
        }
        catch (IOException) { return -1; }
        catch (UnauthorizedAccessException) { return -1; }
    }
}
