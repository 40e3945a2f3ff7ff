namespace DeepForge.Worker.Tests.Infrastructure;

/// <summary>Waits for a condition with a deadline, so a test that goes wrong fails instead of hanging.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"gave up after {seconds} s waiting for {what}");
            await Task.Delay(20);
        }
    }
}
