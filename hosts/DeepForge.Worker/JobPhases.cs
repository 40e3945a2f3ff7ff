using System.Diagnostics;
using System.Globalization;

namespace DeepForge.Worker;

/// <summary>
/// Where a job process spends its start-up: with <c>DEEPFORGE_JOB_TIMING=1</c> in its environment, each phase (runtime
/// started, Main, services built, plugins loaded, libtorch loaded, ready, job received, job done) is written to stderr with
/// the milliseconds since the process started and the CPU it has used so far. Off by default: nothing is read or written.
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
        using var self = Process.GetCurrentProcess();
        var sinceStart = (DateTime.Now - self.StartTime).TotalMilliseconds;
        var cpu = self.TotalProcessorTime.TotalMilliseconds;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"job-timing {phase}: {sinceStart:F0} ms since start, {cpu:F0} ms cpu"));
    }
}
