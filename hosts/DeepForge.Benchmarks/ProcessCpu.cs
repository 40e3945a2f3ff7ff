using System.Globalization;

namespace DeepForge.Benchmarks;

/// <summary>
/// CPU a process has used, read from <c>/proc/PID/stat</c> as an operator would: its own user+system time, and that of its
/// children it has waited for (a worker waits for each job process it started, so theirs lands there once they exit).
/// </summary>
internal readonly record struct ProcessCpu(double OwnMs, double ChildrenMs)
{
    // The kernel reports these fields in USER_HZ ticks, which is 100 per second on every Linux ABI .NET runs on.
    private const double MsPerTick = 10;

    /// <summary>The process's CPU now, or null when it is gone or this is not Linux.</summary>
    public static ProcessCpu? Read(int pid)
    {
        string stat;
        try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After the name: state is field 3, so utime (14), stime (15), cutime (16), cstime (17) are at 11 to 14.
        double Ticks(int at) => double.Parse(fields[at], CultureInfo.InvariantCulture);
        return new ProcessCpu((Ticks(11) + Ticks(12)) * MsPerTick, (Ticks(13) + Ticks(14)) * MsPerTick);
    }

    public static ProcessCpu operator -(ProcessCpu after, ProcessCpu before) => new(after.OwnMs - before.OwnMs, after.ChildrenMs - before.ChildrenMs);
}
