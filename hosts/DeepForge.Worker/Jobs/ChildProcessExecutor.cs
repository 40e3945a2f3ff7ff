using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using DeepForge.Feedback;
using DeepForge.Runtime;
using DeepForge.Worker.Native;
using Microsoft.Extensions.Logging;

namespace DeepForge.Worker.Jobs;

/// <summary>
/// Runs each job in a child process (<see cref="WorkerOptions.ChildCommand"/> plus the job folder), so
/// a native crash or an out-of-memory kill ends that job and not the worker. The child leads its own
/// process group: cancelling kills the group, and with it everything the job started.
/// </summary>
internal sealed class ChildProcessExecutor(IReadOnlyList<string> command, string cacheDirectory, ILogger logger) : IJobExecutor
{
    private const int StderrTailLines = 40;

    /// <summary>How long the worker waits for the rest of a finished child's output (a grandchild could hold the pipe open).</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    public async Task<JobOutcome> RunAsync(JobSpec spec, string jobDirectory, IFeedbackSink sink, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ChildProtocol.WriteJob(jobDirectory, new ChildJobFile(spec, cacheDirectory));
        using var process = new Process { StartInfo = StartInfo(jobDirectory) };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return JobOutcome.Failure($"operation '{spec.Operation}' of node '{spec.NodeId}' could not start: the worker cannot run '{command[0]}': {e.Message}");
        }
        var pid = process.Id;
        WorkerLog.ChildStarted(logger, spec.JobId, pid);
        var errors = new StderrCapture();
        var stdout = PumpStdoutAsync(process.StandardOutput, sink);
        var stderr = PumpStderrAsync(process.StandardError, sink, errors);
        await using (cancellationToken.Register(() => ProcessGroup.KillTree(process)))
            await process.WaitForExitAsync(CancellationToken.None);
        // Whatever the job left running dies with it (its process group outlives the leader).
        ProcessGroup.Kill(pid);
        await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(DrainTimeout, CancellationToken.None));
        var exitCode = process.ExitCode;
        try { process.StandardInput.Close(); }
        catch (IOException) { }
        WorkerLog.ChildExited(logger, spec.JobId, pid, exitCode);
        cancellationToken.ThrowIfCancellationRequested();

        if (ChildProtocol.ReadResult(jobDirectory) is { } outcome) return outcome;
        var (said, lines) = errors.Read();
        var message = $"operation '{spec.Operation}' of node '{spec.NodeId}' failed: its process {DescribeExit(exitCode)}"
                      + (said == null ? "" : $": {Shorten(said)}");
        var details = lines.Length == 0 ? $"the job's process (pid {pid}) wrote nothing to stderr" : string.Join('\n', lines);
        return JobOutcome.Failure(message, details);
    }

    /// <summary>What an exit code says: the shell's 128+N convention for a process ended by signal N.</summary>
    internal static string DescribeExit(int exitCode)
    {
        if (exitCode is > 128 and < 128 + 32)
        {
            var signal = exitCode - 128;
            var hint = signal switch
            {
                9 => " (the out-of-memory killer sends this, as does kill -9)",
                6 => " (a crash in native code, or Environment.FailFast)",
                11 => " (a crash in native code)",
                _ => "",
            };
            return $"was killed by signal {signal} {SignalName(signal)}, exit code {exitCode}{hint}";
        }
        return exitCode == 0 ? "ended without writing its result" : $"exited with code {exitCode} without writing its result";
    }

    private static string SignalName(int signal) => signal switch
    {
        1 => "SIGHUP", 2 => "SIGINT", 3 => "SIGQUIT", 4 => "SIGILL", 5 => "SIGTRAP", 6 => "SIGABRT", 7 => "SIGBUS", 8 => "SIGFPE",
        9 => "SIGKILL", 10 => "SIGUSR1", 11 => "SIGSEGV", 12 => "SIGUSR2", 13 => "SIGPIPE", 14 => "SIGALRM", 15 => "SIGTERM",
        _ => $"#{signal}",
    };

    private ProcessStartInfo StartInfo(string jobDirectory)
    {
        var info = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            WorkingDirectory = jobDirectory,
        };
        foreach (var argument in command.Skip(1)) info.ArgumentList.Add(argument);
        info.ArgumentList.Add(jobDirectory);
        info.Environment[ChildProtocol.WatchParentVariable] = "1";
        return info;
    }

    private static async Task PumpStdoutAsync(StreamReader reader, IFeedbackSink sink)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                var (text, message) = ChildProtocol.Parse(line);
                // Text before a marker had no newline of its own (native output cut short by the message).
                if (text != null) sink.Log(message == null ? text + "\n" : text);
                if (message?.Log != null) sink.Log(message.Log);
                if (message?.Feedback != null) sink.Feedback(message.Feedback);
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }

    private static async Task PumpStderrAsync(StreamReader reader, IFeedbackSink sink, StderrCapture errors)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                sink.Log(line + "\n");
                errors.Add(line);
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }

    /// <summary>
    /// The child's first words on stderr (a crash report's headline, such as "Process terminated. boom":
    /// its first two lines that are not a stack frame) and its last lines (for the details).
    /// </summary>
    private sealed class StderrCapture
    {
        private readonly Queue<string> _tail = new();
        private readonly List<string> _headline = [];
        private bool _headlineDone;

        public void Add(string line)
        {
            lock (_tail)
            {
                var trimmed = line.Trim();
                if (!_headlineDone && trimmed.Length > 0)
                {
                    if (trimmed.StartsWith("at ", StringComparison.Ordinal)) _headlineDone = true;
                    else _headline.Add(trimmed);
                    _headlineDone |= _headline.Count == 2;
                }
                _tail.Enqueue(line);
                if (_tail.Count > StderrTailLines) _tail.Dequeue();
            }
        }

        public (string? Headline, string[] Tail) Read()
        {
            lock (_tail) return (_headline.Count == 0 ? null : string.Join(' ', _headline), _tail.ToArray());
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
