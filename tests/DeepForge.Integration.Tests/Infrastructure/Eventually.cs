namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>Polls until something holds, for at most a bounded time, so a test never hangs.</summary>
internal static class Eventually
{
    public static void Holds(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not so within {timeout}: {describe()}");
            Thread.Sleep(100);
        }
    }
}
