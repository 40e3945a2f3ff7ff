namespace DeepForge.Integration.Tests.Distributed;

/// <summary>Bounded waits: asks again every 100 ms until the answer is there, and fails, saying what it waited for, when it is not in time.</summary>
internal static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, Func<string> describe) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not so within {timeout}: {describe()}");
            await Task.Delay(100);
        }
    }

    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe) =>
        UntilAsync(async () => await condition() ? "" : null, timeout, describe);

    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, describe);

    /// <summary>Whether a process with this id is alive (a zombie, dead but not yet reaped, counts as gone).</summary>
    public static bool ProcessAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // pid (comm) state ...: the state follows the last ')' (comm may hold spaces or parentheses).
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() is not ('Z' or 'X');
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return true; }
    }
}
