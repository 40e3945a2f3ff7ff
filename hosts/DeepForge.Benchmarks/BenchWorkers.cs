using System.Diagnostics;

namespace DeepForge.Benchmarks;

/// <summary>
/// Worker processes for <c>bench dispatch</c>: each is <c>deepforge bench worker --server URL --token T</c> (this same
/// command: the worker of <c>deepforge start -w</c> with the bench plugin), its own temporary data folder (worker.dir, cache)
/// and its output in a log file there. They talk to the server over HTTP like any other worker.
/// </summary>
internal sealed class BenchWorkers : IAsyncDisposable
{
    private readonly List<(Process Process, string Log, TextWriter Writer)> _workers = [];

    /// <summary>
    /// Starts <paramref name="count"/> workers, spread over <paramref name="serverUrls"/> in turn; their NoOps (and those of their job
    /// processes) append when they started to <paramref name="operationStarts"/> (<see cref="OperationStarts"/>).
    /// </summary>
    public static BenchWorkers Start(BenchHost host, int count, string root, IReadOnlyList<string> serverUrls, string token, int slots, BenchJobMode mode, string operationStarts)
    {
        var workers = new BenchWorkers();
        try
        {
            for (var i = 0; i < count; i++) workers.StartOne(host, Path.Combine(root, $"worker-{i + 1}"), serverUrls[i % serverUrls.Count], token, slots, mode, operationStarts);
            return workers;
        }
        catch
        {
            workers.Kill();
            throw;
        }
    }

    private void StartOne(BenchHost host, string dataDirectory, string serverUrl, string token, int slots, BenchJobMode mode, string operationStarts)
    {
        Directory.CreateDirectory(dataDirectory);
        var command = host.Command;
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1).Concat(["bench", BenchmarkCommands.WorkerVerb, "--server", serverUrl, "--token", token, "--slots", slots.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            start.ArgumentList.Add(argument);
        if (mode == BenchJobMode.InProcess) start.ArgumentList.Add("--jobs-in-process");
        if (mode == BenchJobMode.ColdProcess) start.ArgumentList.Add("--no-warm-processes");
        // Nothing of this machine's DeepForge setup: folders and token come from the bench alone.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("DEEPFORGE_", StringComparison.Ordinal)).ToList()) start.Environment.Remove(name);
        start.Environment["DEEPFORGE_DATA_DIR"] = dataDirectory;
        start.Environment[OperationStarts.Variable] = operationStarts;
        var log = Path.Combine(dataDirectory, "worker.log");
        var writer = TextWriter.Synchronized(new StreamWriter(log) { AutoFlush = true });
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command[0]}");
        _workers.Add((process, log, writer));
        process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private static void Write(TextWriter writer, string? line)
    {
        try { if (line != null) writer.WriteLine(line); }
        catch (ObjectDisposedException) { } // a last line after the bench closed the log
    }

    /// <summary>The worker processes' ids.</summary>
    public IEnumerable<int> Ids => _workers.Select(w => w.Process.Id);

    /// <summary>Throws, with the end of its log, when a worker has exited.</summary>
    public void ThrowIfExited()
    {
        foreach (var (process, log, _) in _workers)
            if (process.HasExited)
                throw new InvalidOperationException($"bench worker {process.Id} exited with code {process.ExitCode}:\n{Tail(log)}");
    }

    private static string Tail(string log)
    {
        try
        {
            using var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var lines = reader.ReadToEnd().Split('\n');
            return string.Join('\n', lines.TakeLast(20));
        }
        catch (IOException) { return "(no log)"; }
    }

    private void Kill()
    {
        foreach (var (process, _, _) in _workers)
        {
            try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { } // it ended meanwhile
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Closing stdin is not a stop signal for a worker; a bench's workers hold nothing worth a graceful stop.
        Kill();
        foreach (var (process, _, writer) in _workers)
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await process.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { }
            process.Dispose();
            writer.Dispose();
        }
    }
}
