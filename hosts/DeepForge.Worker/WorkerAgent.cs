using System.Collections.Concurrent;
using DeepForge.Client;
using DeepForge.Runner.Protocol;
using DeepForge.Worker.Http;
using DeepForge.Worker.Sessions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeepForge.Worker;

/// <summary>
/// The runner agent's lease loop: leases jobs from a DeepForge server over HTTP (long-poll), up to
/// <see cref="WorkerOptions.Slots"/> at once, and hands each to a job session (heartbeats, uploads, completion), each in a
/// child process by default. A server that is down or restarting is waited for with capped, jittered backoff; running
/// jobs keep running and are reported when it is back.
/// </summary>
public sealed class WorkerAgent : BackgroundService
{
    private readonly WorkerSettings _settings;
    private readonly WorkerIdentity _identity;
    private readonly JobSessions _sessions;
    private readonly IRunnerClient _client;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private long _jobNumber;

    internal WorkerAgent(WorkerSettings settings, WorkerIdentity identity, JobSessions sessions, IRunnerClient client, ILogger<WorkerAgent> logger) =>
        (_settings, _identity, _sessions, _client, _logger) = (settings, identity, sessions, client, logger);

    /// <summary>This worker's id in every lease request: host name, process id and a random suffix.</summary>
    public string RunnerId => _identity.RunnerId;

    /// <summary>The labels this worker offers: <c>cpu</c>; <c>gpu</c> and <c>cuda</c> when a CUDA device is visible; then the configured ones.</summary>
    public IReadOnlyList<string> Labels => _identity.Labels;

    /// <summary>How many jobs run now.</summary>
    public int RunningJobs => _running.Count;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(_settings.JobsDirectory);
        // A worker that was killed left its jobs' folders (inputs, outputs, a model half written): they go now.
        if (_sessions.Folders.RemoveLeftovers() is > 0 and var removed) WorkerLog.LeftoverJobFoldersRemoved(_logger, removed, _settings.JobsDirectory);
        _ = _sessions.Executor; // a worker that cannot run jobs says so now, not at its first job
        WorkerLog.Started(_logger, RunnerId, _settings.ServerUrl, string.Join(", ", Labels), _settings.Slots,
            _settings.RunInChildProcess ? $"in child processes ({_settings.ChildCommand[0]})" : "in this process");
        using var slots = new SemaphoreSlim(_settings.Slots, _settings.Slots);
        var outage = new Outage(_settings, _logger, "leasing jobs");
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var job = await LeaseAsync(slots, outage, stoppingToken);
                if (job == null)
                {
                    slots.Release();
                    continue;
                }
                Start(job, slots, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Stopping cancels every job (their process trees are killed); wait for each to clean up before the slots go.
            await Task.WhenAll(_running.Values);
            _sessions.StopExecutor(); // its warm processes
            WorkerLog.Stopped(_logger, RunnerId);
        }
    }

    // A job, or null when none came (or the server could not be asked, which is waited out here).
    private async Task<LeasedJob?> LeaseAsync(SemaphoreSlim slots, Outage outage, CancellationToken stoppingToken)
    {
        try
        {
            var job = await _client.LeaseAsync(new LeaseRequest(RunnerId, Labels, slots.CurrentCount + 1, Environment.MachineName), stoppingToken);
            outage.Ended();
            return job;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(outage.Failed(ServerFailure.AsTransient(e, "leasing jobs")), stoppingToken);
            return null;
        }
        catch
        {
            slots.Release();
            throw;
        }
    }

    private void Start(LeasedJob job, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        // Registered before it starts, so a job that ends at once is never left behind in the list.
        var key = Interlocked.Increment(ref _jobNumber);
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _running[key] = RunAsync(job, registered.Task, stoppingToken).ContinueWith(_ =>
        {
            _running.TryRemove(key, out Task? _);
            slots.Release();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        registered.SetResult();
    }

    private async Task RunAsync(LeasedJob job, Task registered, CancellationToken stoppingToken)
    {
        await registered; // completes asynchronously: the lease loop goes on to fill the next slot at once
        await _sessions.RunAsync(job, stoppingToken);
    }
}
