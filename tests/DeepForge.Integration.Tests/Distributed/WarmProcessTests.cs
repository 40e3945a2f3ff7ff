using Xunit.Abstractions;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary>The warm job processes a worker (<c>deepforge start -w</c>) keeps ready for its next jobs.</summary>
[Collection(DistributedCollection.Name)]
public sealed class WarmProcessTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly Cluster _cluster = new();

    public void Dispose()
    {
        output.WriteLine(_cluster.Describe());
        _cluster.Dispose();
    }

    [Fact]
    public async Task WarmJobProcesses_OfAWorkerThatIsSigkilled_EndThemselves()
    {
        await _cluster.StartServerAsync();
        var worker = _cluster.StartWorker("one");
        await _cluster.WaitForRunnersAsync(worker);
        var warm = await Poll.UntilAsync(() => Task.FromResult(WarmChildren(worker.Process.ProcessId) is { Count: > 0 } found ? found : null),
            Bound, () => $"worker {worker.Process.ProcessId} started no warm job process (`job-exec -`)\n{_cluster.Describe()}");

        worker.Kill();

        await Poll.UntilAsync(() => warm.All(pid => !Poll.ProcessAlive(pid)), TimeSpan.FromSeconds(30),
            () => $"warm job processes still run after their worker was killed: {string.Join(", ", warm.Where(Poll.ProcessAlive))}");
    }

    // The worker's children that run `job-exec -`: started ahead, waiting for a job folder on stdin.
    private static List<int> WarmChildren(int worker)
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                if (parent != worker) continue;
                var arguments = File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
                if (arguments is [.., "job-exec", "-"]) found.Add(pid);
            }
            catch (IOException) { } // it ended while being read
        }
        return found;
    }
}
