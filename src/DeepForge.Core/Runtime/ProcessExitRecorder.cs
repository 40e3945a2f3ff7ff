using System.Collections.Concurrent;
using DeepForge.Models;
using DeepForge.Storage;

namespace DeepForge.Runtime;

/// <summary>
/// Operations run inside the process that runs the pipeline (<c>deepforge run</c>, an embedding app), so an operation that
/// calls <see cref="Environment.Exit(int)"/> ends the run with it. The runtime's own writes never happen then, and the
/// execution would look merely interrupted. <see cref="AppDomain.ProcessExit"/> runs on <c>Environment.Exit</c>: this
/// records every job still running here as failed, with the exit code, and its execution with them, before the process
/// goes. An exit code of 0 counts only in a process that runs nothing but the pipeline (<see cref="OwnsProcess"/>, the
/// command's <c>run</c>): there nothing else ends the process while a job runs, whereas an app that ends its own process
/// with 0 while a run goes on leaves that run interrupted, to be resumed (the handlers run on a thread of their own, so
/// they cannot tell who called <c>Exit</c>). An exit after the host was asked to stop (<see cref="StopAsked"/>: Ctrl+C,
/// whose exit code is the host's, not an operation's) records nothing.
/// </summary>
public sealed class ProcessExitRecorder : IDisposable
{
    // The process is exiting: the writes get a few seconds, then the exit goes on regardless.
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);
    private readonly DeepForgeStore _store;
    private readonly ConcurrentDictionary<JobSpec, byte> _running = new(ReferenceEqualityComparer.Instance);
    private volatile bool _stopAsked;
    private volatile bool _ownsProcess;

    /// <summary>Records into <paramref name="store"/>, from now until disposed, the jobs still running when the process exits.</summary>
    public ProcessExitRecorder(DeepForgeStore store)
    {
        _store = store;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>Counts <paramref name="job"/> as running in this process until the result is disposed.</summary>
    public IDisposable Track(JobSpec job)
    {
        _running[job] = 0;
        return new Untrack(_running, job);
    }

    /// <summary>The person asked the host to stop: an exit from now on is the host's doing, and runs still going show as interrupted.</summary>
    public void StopAsked() => _stopAsked = true;

    /// <summary>This process runs the pipeline and nothing else: an exit with code 0 while a job runs is the job's doing too.</summary>
    public void OwnsProcess() => _ownsProcess = true;

    /// <summary>Stops watching for the process's exit.</summary>
    public void Dispose() => AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;

    private void OnProcessExit(object? sender, EventArgs e)
    {
        var code = Environment.ExitCode;
        var jobs = _running.Keys.ToList();
        if ((code == 0 && !_ownsProcess) || jobs.Count == 0 || _stopAsked) return;
        try
        {
            Task.Run(() => RecordAsync(jobs, code)).Wait(Budget);
        }
        catch (AggregateException)
        {
            // Nothing more can be done while the process exits: the execution shows as interrupted instead.
        }
    }

    private async Task RecordAsync(IReadOnlyList<JobSpec> jobs, int code)
    {
        var at = DateTimeOffset.UtcNow;
        foreach (var job in jobs)
        {
            var error = Message(job, code);
            var key = NodeRecord.Key(job.ExecutionId, job.NodeId);
            if (await _store.Nodes.GetAsync(key, CancellationToken.None) is { } node)
            {
                node.Value.Status = NodeStatus.Failed;
                node.Value.Error = error;
                node.Value.FinishedAt = at;
                await _store.Nodes.PutAsync(key, job.ExecutionId, node.Value, null, CancellationToken.None);
            }
        }
        foreach (var execution in jobs.GroupBy(j => j.ExecutionId))
        {
            if (await _store.Executions.GetAsync(execution.Key, CancellationToken.None) is not { } record) continue;
            await _store.Executions.UpdateAsync(execution.Key, record.Value.Project, e =>
            {
                e.Status = ExecutionStatus.Failed;
                e.Error = Message(execution.First(), code);
                e.FinishedAt = at;
                return e;
            }, CancellationToken.None);
        }
    }

    private static string Message(JobSpec job, int code) =>
        $"the process exited with code {code} in operation '{job.Operation}' of node '{job.NodeId}' (the operation, or code it called, ended the process, e.g. with Environment.Exit)";

    private sealed class Untrack(ConcurrentDictionary<JobSpec, byte> running, JobSpec job) : IDisposable
    {
        public void Dispose() => running.TryRemove(job, out _);
    }
}
