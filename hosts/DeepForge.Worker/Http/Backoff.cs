namespace DeepForge.Worker.Http;

/// <summary>
/// Exponential backoff with jitter, capped: 100 ms, 200 ms, 400 ms ... up to the cap, each delay
/// drawn between half and all of its step, so workers that lost the same server do not return in step.
/// </summary>
internal sealed class Backoff(TimeSpan max)
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(100);

    /// <summary>Failures in a row since the last success.</summary>
    public int Failures { get; private set; }

    public TimeSpan Next()
    {
        Failures++;
        var step = Math.Min(max.TotalMilliseconds, First.TotalMilliseconds * Math.Pow(2, Math.Min(Failures - 1, 30)));
        return TimeSpan.FromMilliseconds(step * (0.5 + Random.Shared.NextDouble() * 0.5));
    }

    /// <summary>Forgets the failures; returns how many there were.</summary>
    public int Reset()
    {
        var failures = Failures;
        Failures = 0;
        return failures;
    }
}
