using System.Collections.Concurrent;
using DeepForge.Models;
using DeepForge.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using DeepForge.Hosting;

namespace DeepForge.Runtime;

/// <summary>
/// Runs executions in the background of the server, and at start, then every <see cref="DeepForgeOptions.ExecutionLeaseRenewal"/>,
/// takes over and resumes those whose process stopped while running them (a crash, a kill, a server on another machine
/// whose lease ran out), never those a person had asked to cancel. Of several servers on one store, one wins each
/// takeover (a compare-and-set on the execution's record); the others see it held. Stopping the server stops the runs without cancelling them: they stay Running
/// in the store, their jobs stay with their workers, and the next start takes them up again. A service of Core, not
/// of one host, so the REST API and the designer start runs the same way (<c>AddDeepForgeBackgroundExecutions</c>).
/// </summary>
public sealed class BackgroundExecutions(
    ExecutionService executions, DeepForgeStore store, IOptions<BackgroundExecutionOptions> options, IOptions<DeepForgeOptions> engine,
    ILogger<BackgroundExecutions> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, Task> _runs = new();
    private Task _resume = Task.CompletedTask;

    /// <summary>Whether this process runs the execution now.</summary>
    public static bool IsRunningHere(string executionId) => ProcessRuns.Contains(executionId) || RunsInThisProcess.Contains(executionId);

    /// <summary>Starts running a stored execution; false when this process already runs it.</summary>
    public bool Start(string executionId)
    {
        if (_stopping.IsCancellationRequested || !ProcessRuns.TryAdd(executionId)) return false;
        // Created cold and started after it is recorded, so a run that ends at once still removes its own entry.
        var run = new Task<Task>(() => RunAsync(executionId));
        _runs[executionId] = run.Unwrap();
        run.Start(TaskScheduler.Default);
        BackgroundExecutionLog.ExecutionStarted(logger, executionId);
        return true;
    }

    /// <summary>Resumes, in the background, the executions a stopped process left running (unless <see cref="BackgroundExecutionOptions.ResumeOnStart"/> is off).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ResumeOnStart) _resume = Task.Run(() => TakeOverAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops the runs without cancelling them: they stay Running in the store for the next start to resume.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try { await Task.WhenAll(_runs.Values.Append(_resume)).WaitAsync(cancellationToken); }
        catch (OperationCanceledException) { } // the host's shutdown timeout: what is left resumes on the next start
    }

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(string executionId)
    {
        try
        {
            var result = await executions.ResumeAsync(executionId, null, _stopping.Token);
            BackgroundExecutionLog.ExecutionEnded(logger, executionId, result.Status);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            BackgroundExecutionLog.ExecutionStoppedWithServer(logger, executionId);
        }
        catch (ExecutionLeaseLostException e)
        {
            BackgroundExecutionLog.ExecutionTakenOver(logger, executionId, e.Message);
        }
        catch (DeepForgeException e)
        {
            if (await HeldElsewhereAsync(executionId)) BackgroundExecutionLog.ExecutionHeldElsewhere(logger, executionId, e.Message);
            else BackgroundExecutionLog.ExecutionRunFailed(logger, executionId, e);
        }
        catch (Exception e)
        {
            BackgroundExecutionLog.ExecutionRunFailed(logger, executionId, e);
        }
        finally
        {
            ProcessRuns.Remove(executionId);
            _runs.TryRemove(executionId, out _);
        }
    }

    // Another server won the takeover between this server's look and its claim: not a failure.
    private async Task<bool> HeldElsewhereAsync(string executionId)
    {
        try
        {
            return (await store.Executions.GetAsync(executionId, CancellationToken.None))?.Value is { } e
                && ExecutionOwnership.IsHeldByOther(e, ExecutionOwnership.ThisProcess, DateTimeOffset.UtcNow);
        }
        catch (IOException) { return false; }
    }

    private async Task TakeOverAsync(CancellationToken cancellationToken)
    {
        var scan = new LeftRunningScan(store);
        await ResumeLeftRunningAsync(scan, everything: true, cancellationToken);
        using var timer = new PeriodicTimer(engine.Value.ExecutionLeaseRenewal);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken)) await ResumeLeftRunningAsync(scan, everything: false, cancellationToken);
        }
        catch (OperationCanceledException) { }
    }

    private async Task ResumeLeftRunningAsync(LeftRunningScan scan, bool everything, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var execution in await scan.FindAsync(everything, cancellationToken))
            {
                if (IsRunningHere(execution.Id)) continue;
                if (execution.CancelRequested)
                {
                    // A person stopped it (Ctrl-C, cancel) and its process went before recording the end: never run it again.
                    await MarkCancelledAsync(execution, cancellationToken);
                    continue;
                }
                BackgroundExecutionLog.ResumingLeftRunning(logger, execution.Id, execution.Project);
                Start(execution.Id);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
        catch (Exception e)
        {
            BackgroundExecutionLog.ResumeScanFailed(logger, e);
        }
    }

    private async Task MarkCancelledAsync(ExecutionRecord execution, CancellationToken cancellationToken)
    {
        await store.Executions.UpdateAsync(execution.Id, execution.Project, e =>
        {
            if (e.Status == ExecutionStatus.Running && WasLeftRunning(e)) (e.Status, e.FinishedAt) = (ExecutionStatus.Cancelled, DateTimeOffset.UtcNow);
            return e;
        }, cancellationToken);
        await RunningIndex.RemoveAsync(store, execution.Id, cancellationToken);
        BackgroundExecutionLog.LeftCancelled(logger, execution.Id, execution.Project);
    }

    /// <summary>
    /// Whether an execution is Running in the store but nobody runs it: its lease ran out or its process is gone, or it
    /// is this process and no host in it runs the execution any more. Such an execution may be resumed or deleted.
    /// </summary>
    public static bool WasLeftRunning(ExecutionRecord execution) =>
        execution.Status == ExecutionStatus.Running
        && (!ExecutionOwnership.IsHeld(execution, DateTimeOffset.UtcNow)
            || (execution.Owner == ProcessIdentity.Current && !IsRunningHere(execution.Id)));
}
