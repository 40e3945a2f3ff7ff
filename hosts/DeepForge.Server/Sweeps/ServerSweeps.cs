using System.Collections.Concurrent;
using DeepForge.Models;
using DeepForge.Runtime;
using DeepForge.Storage;
using DeepForge.Sweeps;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Sweeps;

/// <summary>
/// Runs sweeps on the server: each run in the background like any execution started over the API, at most the sweep's
/// <c>parallel</c> at once. At start it takes up the sweeps a stopped server left with runs not yet ended (the runs that
/// were running are resumed by <see cref="BackgroundExecutions"/>; this starts the ones still pending).
/// </summary>
internal sealed class ServerSweeps(SweepService sweeps, BackgroundExecutions background, ExecutionService executions, DeepForgeStore store, ILogger<ServerSweeps> logger)
    : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, Task> _driving = new();
    private CancellationToken _stopping;

    /// <summary>Starts driving a sweep in the background; false when this server drives it already.</summary>
    public bool Start(SweepRecord sweep)
    {
        if (_stopping.IsCancellationRequested || _driving.ContainsKey(sweep.Id)) return false;
        _driving[sweep.Id] = Task.Run(() => DriveAsync(sweep), CancellationToken.None);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        try
        {
            foreach (var sweep in await new DocumentCollection<SweepRecord>(store.Documents, SweepService.Collection).ListAsync(null, stoppingToken))
                if (!await sweeps.IsFinishedAsync(sweep, stoppingToken)) Start(sweep);
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        await Task.WhenAll(_driving.Values);
    }

    private async Task DriveAsync(SweepRecord sweep)
    {
        try
        {
            SweepLog.Driving(logger, sweep.Id, sweep.Project, sweep.Runs.Count, sweep.Parallel);
            await sweeps.RunAsync(sweep, RunAsync, _stopping);
            SweepLog.Ended(logger, sweep.Id);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested) { }
        catch (Exception e)
        {
            SweepLog.Failed(logger, sweep.Id, e);
        }
        finally
        {
            _driving.TryRemove(sweep.Id, out _);
        }
    }

    // Started like any run over the API; its slot is free once the execution has ended, whoever ran it.
    private async Task RunAsync(string executionId, CancellationToken cancellationToken)
    {
        background.Start(executionId);
        while (!cancellationToken.IsCancellationRequested)
        {
            // Deleted while it ran (executions rm): its slot is free, the sweep goes on with the others.
            if (await FindAsync(executionId, cancellationToken) is not { } execution) return;
            if (execution.Status is ExecutionStatus.Succeeded or ExecutionStatus.Failed or ExecutionStatus.Cancelled) return;
            // Interrupted: its process went (this server's run stopped); started again here so the sweep goes on.
            if (execution.Status == ExecutionStatus.Interrupted || BackgroundExecutions.WasLeftRunning(execution)) background.Start(executionId);
            await Task.Delay(Poll, cancellationToken);
        }
    }

    private async Task<ExecutionRecord?> FindAsync(string executionId, CancellationToken cancellationToken)
    {
        try { return await executions.GetAsync(executionId, cancellationToken); }
        catch (DeepForgeException) { return null; }
    }
}
