using System.Diagnostics;

namespace DeepForge.Benchmarks;

/// <summary>
/// One process of <c>bench soak</c>: this same deepforge command started again (<c>start -s</c> or <c>start -w</c>) with
/// the environment the soak gives it and none of this machine's DeepForge settings, its output in a log file.
/// </summary>
internal sealed class SoakProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TextWriter _log;

    private SoakProcess(string name, Process process, string logPath, TextWriter log) => (Name, _process, LogPath, _log) = (name, process, logPath, log);

    public string Name { get; }

    public string LogPath { get; }

    public int Id => _process.Id;

    public static SoakProcess Start(BenchHost host, string name, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        var start = new ProcessStartInfo(host.Command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in host.Command.Skip(1).Concat(arguments)) start.ArgumentList.Add(argument);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("DEEPFORGE_", StringComparison.Ordinal) || k == "MONGO_URI").ToList()) start.Environment.Remove(key);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var log = TextWriter.Synchronized(new StreamWriter(logPath) { AutoFlush = true });
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host.Command[0]}");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new SoakProcess(name, process, logPath, log);
    }

    /// <summary>Throws, with the end of its log, when the process has exited.</summary>
    public void ThrowIfExited()
    {
        if (!_process.HasExited) return;
        throw new InvalidOperationException($"the soak's {Name} (process {_process.Id}) exited with code {_process.ExitCode}:\n{Tail()}");
    }

    /// <summary>Resident memory in MiB, read from outside as an operator would (VmRSS of /proc/PID/status).</summary>
    public double ResidentMb()
    {
        ThrowIfExited();
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
            var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            return Math.Round(kb / 1024.0, 2);
        }
        throw new InvalidOperationException($"/proc/{_process.Id}/status has no VmRSS line");
    }

    public string Tail()
    {
        try
        {
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(20));
        }
        catch (IOException) { return "(no log)"; }
    }

    private static void Write(TextWriter log, string? line)
    {
        try { if (line != null) log.WriteLine(line); }
        catch (ObjectDisposedException) { } // a last line after the soak closed the log
    }

    public async ValueTask DisposeAsync()
    {
        // The soak's processes hold nothing worth a graceful stop: their folders are deleted next.
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // it ended meanwhile
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try { await _process.WaitForExitAsync(wait.Token); }
        catch (OperationCanceledException) { }
        _process.Dispose();
        await _log.DisposeAsync();
    }
}
