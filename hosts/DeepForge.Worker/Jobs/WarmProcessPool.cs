using System.ComponentModel;
using Microsoft.Extensions.Logging;

namespace DeepForge.Worker.Jobs;

/// <summary>
/// Job processes started ahead of their jobs: each has loaded the runtime, the plugins and libtorch, and waits for one
/// job on stdin, so a leased job starts in milliseconds instead of a process start. A process runs one job and exits
/// (nothing one job leaves behind in a process reaches the next); taking one starts its replacement. A warm process
/// that dies idle is dropped, said once, and replaced only when the next job takes from the pool, so a broken command
/// cannot start processes without end.
/// </summary>
internal sealed class WarmProcessPool(IReadOnlyList<string> command, string workingDirectory, int size, ILogger logger) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<JobProcess> _idle = [];
    private bool _disposed;

    /// <summary>The ids of the warm processes ready for a job now.</summary>
    public IReadOnlyList<int> ReadyIds
    {
        get { lock (_gate) return _idle.Where(p => p.IsReady).Select(p => p.Id).ToList(); }
    }

    /// <summary>Starts processes until <c>size</c> are warming or ready.</summary>
    public void Fill()
    {
        while (true)
        {
            lock (_gate)
            {
                if (_disposed || _idle.Count >= size) return;
            }
            JobProcess process;
            try
            {
                Directory.CreateDirectory(workingDirectory);
                // The working directory is the worker's cache, which the warm-up prepares the catalog over.
                process = JobProcess.Start(command, ChildProtocol.AwaitJobArgument, workingDirectory, cacheDirectory: workingDirectory);
            }
            catch (Exception e) when (e is Win32Exception or IOException or UnauthorizedAccessException)
            {
                WarmLog.StartFailed(logger, e.Message);
                return;
            }
            lock (_gate)
            {
                if (!_disposed)
                {
                    _idle.Add(process);
                    process = null!;
                }
            }
            if (process != null)
            {
                process.Kill();
                process.Dispose();
                return;
            }
        }
    }

    /// <summary>Starts the replacements of taken or dead processes in the background.</summary>
    public void Replenish() => _ = Task.Run(Fill);

    /// <summary>A warm process for a job (a ready one first, else the one that has warmed longest), or null when none is alive.</summary>
    public JobProcess? Take()
    {
        var dead = new List<JobProcess>();
        JobProcess? taken;
        lock (_gate)
        {
            dead.AddRange(_idle.Where(p => p.HasExited));
            _idle.RemoveAll(dead.Contains);
            taken = _idle.FirstOrDefault(p => p.IsReady) ?? _idle.FirstOrDefault();
            if (taken != null) _idle.Remove(taken);
        }
        foreach (var process in dead) _ = DropAsync(process);
        return taken;
    }

    public void Dispose()
    {
        List<JobProcess> idle;
        lock (_gate)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }
        foreach (var process in idle)
        {
            process.Kill();
            process.Dispose();
        }
    }

    private async Task DropAsync(JobProcess process)
    {
        var exitCode = await process.WaitForExitAsync(CancellationToken.None);
        var (said, _) = process.Errors.Read();
        var exit = exitCode > 128 ? ChildProcessExecutor.DescribeExit(exitCode) : $"exited with code {exitCode}";
        WarmLog.DiedWarm(logger, process.Id, exit, said == null ? "" : $": {said}");
        process.Dispose();
    }
}
