namespace DeepForge.Server.Tests.Infrastructure;

/// <summary>Waits for a condition with a deadline, so a test that goes wrong fails instead of hanging.</summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"gave up after {seconds} s waiting for {what}; last seen: {value}");
            await Task.Delay(50);
        }
    }
}
