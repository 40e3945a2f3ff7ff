using System.ComponentModel;
using DeepForge.Feedback;
using DeepForge.Runtime;
using Microsoft.Extensions.Logging;

namespace DeepForge.Worker.Jobs;

/// <summary>
/// Runs each job in a child process (<see cref="WorkerOptions.ChildCommand"/> plus the job folder), so
/// a native crash or an out-of-memory kill ends that job and not the worker. The child leads its own
/// process group: cancelling kills the group, and with it everything the job started. With warm processes
/// (a count above 0) the child was started ahead and waits for its job; the folder reaches it on stdin, and
/// a replacement starts warming at once. A job finds no warm process only when jobs come faster than
/// processes warm up, or a warm one died: then it starts its own, as without warm processes.
/// </summary>
internal sealed class ChildProcessExecutor : IJobExecutor, IDisposable
{
    private readonly IReadOnlyList<string> _command;
    private readonly string _cacheDirectory;
    private readonly ILogger _logger;
    private readonly WarmProcessPool? _pool;

    public ChildProcessExecutor(IReadOnlyList<string> command, string cacheDirectory, ILogger logger, int warmProcesses = 0)
    {
        (_command, _cacheDirectory, _logger) = (command, cacheDirectory, logger);
        if (warmProcesses <= 0) return;
        _pool = new WarmProcessPool(command, cacheDirectory, warmProcesses, logger);
        _pool.Replenish();
    }

    /// <summary>The ids of the warm processes ready for a job now (none without warm processes).</summary>
    internal IReadOnlyList<int> WarmProcessIds => _pool?.ReadyIds ?? [];

    public async Task<JobOutcome> RunAsync(JobSpec spec, string jobDirectory, IFeedbackSink sink, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ChildProtocol.WriteJob(jobDirectory, new ChildJobFile(spec, _cacheDirectory));
        JobProcess process;
        try
        {
            process = HandToWarmProcess(spec, jobDirectory) ?? JobProcess.Start(_command, jobDirectory, jobDirectory);
        }
        catch (Win32Exception e)
        {
            return JobOutcome.Failure($"operation '{spec.Operation}' of node '{spec.NodeId}' could not start: the worker cannot run '{_command[0]}': {e.Message}");
        }
        using (process)
        {
            process.Attach(sink);
            var pid = process.Id;
            WorkerLog.ChildStarted(_logger, spec.JobId, pid);
            var exitCode = await process.WaitForExitAsync(cancellationToken);
            WorkerLog.ChildExited(_logger, spec.JobId, pid, exitCode);
            cancellationToken.ThrowIfCancellationRequested();

            if (ChildProtocol.ReadResult(jobDirectory) is { } outcome) return outcome;
            var (said, lines) = process.Errors.Read();
            var message = $"operation '{spec.Operation}' of node '{spec.NodeId}' failed: its process {DescribeExit(exitCode)}"
                          + (said == null ? "" : $": {Shorten(said)}");
            var details = lines.Length == 0 ? $"the job's process (pid {pid}) wrote nothing to stderr" : string.Join('\n', lines);
            return JobOutcome.Failure(message, details);
        }
    }

    public void Dispose() => _pool?.Dispose();

    // A warm process that took the job folder, or null when none is left (the caller starts one for the job).
    private JobProcess? HandToWarmProcess(JobSpec spec, string jobDirectory)
    {
        if (_pool == null) return null;
        try
        {
            while (_pool.Take() is { } warm)
            {
                if (warm.HandOver(jobDirectory))
                {
                    WarmLog.HandedOver(_logger, spec.JobId, warm.Id);
                    return warm;
                }
                warm.Dispose(); // it died between the pool's look and the hand-over: the job goes to the next one
            }
            return null;
        }
        finally
        {
            _pool.Replenish();
        }
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

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
