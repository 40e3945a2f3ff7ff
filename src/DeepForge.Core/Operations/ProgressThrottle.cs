using System.Diagnostics;

namespace DeepForge.Operations;

/// <summary>
/// Lets through at most four progress reports a second, and always the first and the one that completes
/// a round: a training loop may report every batch, and each report is stored with the execution.
/// </summary>
internal sealed class ProgressThrottle
{
    private static readonly long Interval = Stopwatch.Frequency / 4;
    private readonly Lock _gate = new();
    private long _last = long.MinValue;

    public bool ShouldReport(long done, long total)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (done < total && _last != long.MinValue && now - _last < Interval) return false;
            _last = now;
            return true;
        }
    }
}
