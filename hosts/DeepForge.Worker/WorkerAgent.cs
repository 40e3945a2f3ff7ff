using System.Collections.Concurrent;
using System.Diagnostics;
using DeepForge.Plugins;
using DeepForge.Runner.Protocol;
using DeepForge.Worker.Cache;
using DeepForge.Worker.Http;
using DeepForge.Worker.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeepForge.Worker;

/// <summary>
/// The runner agent: leases jobs from a DeepForge server over HTTP (long-poll), runs up to
/// <see cref="WorkerOptions.Slots"/> at once, each in a child process by default, streams their log and
/// feedback in heartbeats, uploads their outputs and completes them with the lease token. A server
/// that is down or restarting is waited for with capped, jittered backoff; running jobs keep running
/// and are reported when it is back.
/// </summary>
public sealed class WorkerAgent : BackgroundService
{
    internal const string HttpClientName = "DeepForge.Worker";

    private readonly IServiceProvider _services;
    private readonly WorkerSettings _settings;
    private readonly RunnerClient _client;
    private readonly BlobCache _cache;
    private readonly ILogger _logger;
    private readonly Lazy<IJobExecutor> _executor;
    private readonly JobFolders _folders;
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private long _jobNumber;

    internal WorkerAgent(IServiceProvider services, IOptions<WorkerOptions> options, IHttpClientFactory httpClients, ILogger<WorkerAgent> logger)
    {
        _services = services;
        _settings = WorkerSettings.From(options.Value);
        _logger = logger;
        _client = new RunnerClient(() => httpClients.CreateClient(HttpClientName), _settings);
        _cache = new BlobCache(_settings.CacheDirectory, _settings.UseBlob, _settings.ServerBlobDirectory, _client, _settings.MaxBackoff, logger, _settings.CacheMaxBytes);
        _executor = new Lazy<IJobExecutor>(CreateExecutor);
        _folders = new JobFolders(_settings.JobsDirectory, logger, _settings.KeepFailedJobFolders);
        RunnerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..6]}";
        Labels = DetectLabels();
    }

    /// <summary>This worker's id in every lease request: host name, process id and a random suffix.</summary>
    public string RunnerId { get; }

    /// <summary>The labels this worker offers: <c>cpu</c>; <c>gpu</c> and <c>cuda</c> when a CUDA device is visible; then the configured ones.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>How many jobs run now.</summary>
    public int RunningJobs => _running.Count;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(_settings.JobsDirectory);
        // A worker that was killed left its jobs' folders (inputs, outputs, a model half written): they go now.
        if (_folders.RemoveLeftovers() is > 0 and var removed) WorkerLog.LeftoverJobFoldersRemoved(_logger, removed, _settings.JobsDirectory);
        _ = _executor.Value; // a worker that cannot run jobs says so now, not at its first job
        WorkerLog.Started(_logger, RunnerId, _settings.ServerUrl, string.Join(", ", Labels), _settings.Slots,
            _settings.RunInChildProcess ? $"in child processes ({_settings.ChildCommand[0]})" : "in this process");
        using var slots = new SemaphoreSlim(_settings.Slots, _settings.Slots);
        var outage = new Outage(this, "leasing jobs");
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                LeasedJob? job;
                try
                {
                    job = await _client.LeaseAsync(new LeaseRequest(RunnerId, Labels, slots.CurrentCount + 1, Environment.MachineName), stoppingToken);
                    outage.Ended();
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Anything else that goes wrong asking for work (a body the worker cannot read) is waited out the same way: the worker lives on.
                    slots.Release();
                    var failure = e as ServerException ?? new ServerException($"leasing jobs: {e.Message}", null, transient: true, e);
                    await Task.Delay(outage.Failed(failure), stoppingToken);
                    continue;
                }
                catch
                {
                    slots.Release();
                    throw;
                }
                if (job == null)
                {
                    slots.Release();
                    continue;
                }
                // Registered before it starts, so a job that ends at once is never left behind in the list.
                var key = Interlocked.Increment(ref _jobNumber);
                var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _running[key] = RunJobAsync(job, registered.Task, stoppingToken).ContinueWith(_ =>
                {
                    _running.TryRemove(key, out Task? _);
                    slots.Release();
                }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                registered.SetResult();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            // Stopping cancels every job (their process trees are killed); wait for each to clean up before the slots go.
            await Task.WhenAll(_running.Values);
            WorkerLog.Stopped(_logger, RunnerId);
        }
    }

    private IJobExecutor CreateExecutor()
    {
        if (_settings.RunInChildProcess) return new ChildProcessExecutor(_settings.ChildCommand, _cache.Root, _logger);
        var plugins = _services.GetService<PluginRegistry>()
            ?? throw new DeepForgeException("worker options", "worker options: RunInChildProcess is off, so jobs run in this process, but DeepForge is not added to its services (call AddDeepForge)");
        return new InProcessExecutor(plugins, _cache.Store, _cache.Root);
    }

    private List<string> DetectLabels()
    {
        var labels = new List<string> { "cpu" };
        try
        {
            if (_settings.CudaAvailable?.Invoke() == true) labels.AddRange(["gpu", "cuda"]);
        }
        catch (Exception e)
        {
            WorkerLog.CudaDetectionFailed(_logger, e.Message);
        }
        labels.AddRange(_settings.ExtraLabels);
        return labels.Distinct(StringComparer.Ordinal).ToList();
    }

    // One leased job from start to report. Never throws: a job's trouble is that job's, not the worker's.
    private async Task RunJobAsync(LeasedJob leased, Task registered, CancellationToken stopping)
    {
        await registered; // completes asynchronously: the lease loop goes on to fill the next slot at once
        var spec = leased.Spec;
        var clock = Stopwatch.StartNew();
        WorkerLog.JobLeased(_logger, leased.JobId, spec.Operation, spec.NodeId, spec.Attempt);
        using var jobCancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var report = new ReportBuffer();
        var lease = new LeaseState();
        string? folder = null;
        var failed = true;
        using var pinned = _cache.PinJob(spec);
        try
        {
            using var heartbeatStop = new CancellationTokenSource();
            var heartbeats = HeartbeatAsync(leased, report, lease, jobCancel, heartbeatStop.Token, stopping);
            JobOutcome? outcome;
            try
            {
                folder = _folders.Create(leased.JobId);
                TrimCache(spec);
                await _cache.EnsureJobAsync(spec, jobCancel.Token);
                outcome = await _executor.Value.RunAsync(spec, folder, report, jobCancel.Token);
                // Uploaded while the heartbeats still run: a long upload keeps the lease and still hears a cancel.
                if (outcome.Succeeded) outcome = await UploadOutputsAsync(leased, outcome, jobCancel.Token);
            }
            catch (OperationCanceledException) when (jobCancel.IsCancellationRequested)
            {
                outcome = null;
            }
            catch (Exception e)
            {
                outcome = JobOutcome.Failure($"operation '{spec.Operation}' of node '{spec.NodeId}' could not run on worker {RunnerId}: {e.Message}", e.ToString());
            }
            heartbeatStop.Cancel();
            await heartbeats;

            if (lease.Lost) { WorkerLog.LeaseLost(_logger, leased.JobId, "the job ran"); return; }
            if (stopping.IsCancellationRequested) { WorkerLog.JobAbandoned(_logger, leased.JobId); return; }
            if (outcome == null || lease.CancelRequested)
            {
                WorkerLog.JobCancelled(_logger, leased.JobId);
                outcome = JobOutcome.Failure($"operation '{spec.Operation}' of node '{spec.NodeId}' was cancelled",
                    $"worker {RunnerId} ended the job's process tree because the server asked to cancel it");
            }
            failed = !outcome.Succeeded;
            await ReportAsync(leased, outcome, report, clock, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            WorkerLog.JobAbandoned(_logger, leased.JobId);
        }
        catch (Exception e)
        {
            WorkerLog.ReportFailed(_logger, leased.JobId, e.Message);
        }
        finally
        {
            if (folder != null) _folders.Finish(folder, failed);
            pinned.Dispose(); // its outputs are uploaded: the job's blobs may go now
            TrimCache(null);
        }
    }

    // Eviction is housekeeping: a failure to evict (a file system error) is logged, and the job runs anyway.
    private void TrimCache(Runtime.JobSpec? incoming)
    {
        try
        {
            if (incoming != null) _cache.MakeRoomFor(incoming);
            else _cache.Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WorkerLog.EvictionFailed(_logger, e.Message);
        }
    }

    // Sends what the job reported at most ReportInterval apart, and heartbeats an idle job every
    // IdleHeartbeatInterval to hold the lease and hear a cancel. A batch the server did not take is kept for the next one.
    private async Task HeartbeatAsync(LeasedJob leased, ReportBuffer report, LeaseState lease, CancellationTokenSource job, CancellationToken stop, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_settings.ReportInterval);
        var sinceSent = Stopwatch.StartNew();
        var waitUntil = TimeSpan.Zero;
        var outage = new Outage(this, $"reporting job {leased.JobId}");
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (sinceSent.Elapsed < waitUntil) continue;
                if (!report.HasPending && sinceSent.Elapsed < _settings.IdleHeartbeatInterval) continue;
                var result = await SendHeartbeatAsync(leased, report, stopping);
                switch (result.Kind)
                {
                    case HeartbeatKind.Sent:
                        outage.Ended();
                        sinceSent.Restart();
                        waitUntil = TimeSpan.Zero;
                        break;
                    case HeartbeatKind.Cancel:
                        lease.CancelRequested = true;
                        await job.CancelAsync();
                        return;
                    case HeartbeatKind.LeaseLost:
                        lease.Lost = true;
                        await job.CancelAsync();
                        return;
                    case HeartbeatKind.Failed:
                        sinceSent.Restart();
                        waitUntil = outage.Failed(result.Error!);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested || stopping.IsCancellationRequested)
        {
        }
    }

    private async Task<HeartbeatResult> SendHeartbeatAsync(LeasedJob leased, ReportBuffer report, CancellationToken cancellationToken)
    {
        var batch = report.Take();
        try
        {
            await UploadCheckpointsAsync(batch.Feedback, cancellationToken);
            var reply = await _client.HeartbeatAsync(leased.JobId, new HeartbeatRequest(leased.LeaseToken, batch.Log, batch.Feedback), cancellationToken);
            return new(reply == null ? HeartbeatKind.LeaseLost : reply.Cancel ? HeartbeatKind.Cancel : HeartbeatKind.Sent);
        }
        catch (ServerException e)
        {
            // Kept for the next heartbeat unless the server refused the batch itself (a 4xx other than a token problem): a poison batch is dropped.
            if (e.Transient || e.Status is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden) report.Restore(batch);
            return new(HeartbeatKind.Failed, e);
        }
        catch (OperationCanceledException)
        {
            report.Restore(batch);
            throw;
        }
    }

    private async Task ReportAsync(LeasedJob leased, JobOutcome outcome, ReportBuffer report, Stopwatch clock, CancellationToken stopping)
    {
        var jobId = leased.JobId;
        // Feedback travels only in heartbeats, and a failure's log too: send what is left before the last word.
        if (report.HasPendingFeedback || (!outcome.Succeeded && report.HasPending))
        {
            var flushed = await RetryAsync($"reporting job {jobId}", async ct =>
            {
                var result = await SendHeartbeatAsync(leased, report, ct);
                return result.Kind == HeartbeatKind.Failed ? throw result.Error! : result.Kind;
            }, stopping);
            if (flushed == HeartbeatKind.LeaseLost) { WorkerLog.LeaseLost(_logger, jobId, "sending its last log and feedback"); return; }
        }
        bool accepted;
        if (outcome.Succeeded)
        {
            var log = report.Take().Log;
            accepted = await RetryAsync($"completing job {jobId}",
                ct => _client.CompleteAsync(jobId, new CompleteRequest(leased.LeaseToken, outcome.Outputs!, log.Count == 0 ? null : log), ct), stopping);
            if (accepted) WorkerLog.JobSucceeded(_logger, jobId, clock.Elapsed.TotalMilliseconds);
        }
        else
        {
            accepted = await RetryAsync($"failing job {jobId}",
                ct => _client.FailAsync(jobId, new FailRequest(leased.LeaseToken, outcome.Error!, outcome.Details), ct), stopping);
            if (accepted) WorkerLog.JobFailed(_logger, jobId, outcome.Error!);
        }
        if (!accepted) WorkerLog.LeaseLost(_logger, jobId, outcome.Succeeded ? "completing it" : "failing it");
    }

    // A refusal the server will repeat however often it is asked (no space: 507; content it rejects: 4xx)
    // fails the job with the server's reason; only an unreachable or restarting server is waited for.
    private async Task<JobOutcome> UploadOutputsAsync(LeasedJob leased, JobOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var hash in outcome.Outputs!.Values.Select(o => o.Hash).Distinct())
                await RetryAsync($"uploading the outputs of job {leased.JobId}", ct => UploadAsync(hash, ct), cancellationToken);
            return outcome;
        }
        catch (Exception e) when (e is ServerException { Transient: false } or IOException or DeepForgeException)
        {
            return JobOutcome.Failure($"operation '{leased.Spec.Operation}' of node '{leased.Spec.NodeId}': worker {RunnerId} could not upload its outputs: {e.Message}", e.ToString());
        }
    }

    private async Task<bool> UploadAsync(string hash, CancellationToken cancellationToken)
    {
        var path = _cache.PathOf(hash);
        if (!File.Exists(path)) throw new DeepForgeException("blob", $"output blob {hash} is missing from the cache {_cache.Root}");
        // A large output the server already has (an identical earlier result) is not sent again; a small one costs less to send than to ask about.
        var length = new FileInfo(path).Length;
        if (length >= SkipUploadCheckBytes && await _client.BlobSizeAsync(hash, cancellationToken) == length) return true;
        await _client.PutBlobAsync(hash, path, cancellationToken);
        return true;
    }

    private const long SkipUploadCheckBytes = 1 << 20;

    // A checkpoint the job reports must be on the server before the report: the server records only checkpoints it holds.
    private async Task UploadCheckpointsAsync(IEnumerable<Feedback.FeedbackEvent> feedback, CancellationToken cancellationToken)
    {
        foreach (var checkpoint in feedback.Select(Feedback.CheckpointReport.From).OfType<Models.OutputValue>())
            await UploadAsync(checkpoint.Hash, cancellationToken);
    }

    // Retries while the server is unavailable (transient failures) until it answers or the worker stops.
    private async Task<T> RetryAsync<T>(string what, Func<CancellationToken, Task<T>> action, CancellationToken stopping)
    {
        var outage = new Outage(this, what);
        while (true)
        {
            try
            {
                var result = await action(stopping);
                outage.Ended();
                return result;
            }
            catch (ServerException e) when (e.Transient)
            {
                await Task.Delay(outage.Failed(e), stopping);
            }
        }
    }

    private sealed class LeaseState
    {
        public volatile bool Lost;
        public volatile bool CancelRequested;
    }

    private enum HeartbeatKind { Sent, Cancel, LeaseLost, Failed }

    private readonly record struct HeartbeatResult(HeartbeatKind Kind, ServerException? Error = null);

    /// <summary>A stretch of failed requests: backoff, one warning when it starts, one line when the server is back.</summary>
    private sealed class Outage(WorkerAgent agent, string what)
    {
        private readonly Backoff _backoff = new(agent._settings.MaxBackoff);

        private System.Net.HttpStatusCode? _refusal;

        public TimeSpan Failed(ServerException error)
        {
            var delay = _backoff.Next();
            if (!error.Transient)
            {
                // A refusal (a wrong token, another protocol version) needs a person: said once as an error, not every few seconds.
                // By status, not message: a problem body differs in every answer (its trace id).
                if (error.Status != _refusal) WorkerLog.ServerRefused(agent._logger, error.Message, delay.TotalMilliseconds);
                else WorkerLog.ServerStillUnavailable(agent._logger, agent._settings.ServerUrl, what, _backoff.Failures, error.Message, delay.TotalMilliseconds);
                _refusal = error.Status;
            }
            else if (_backoff.Failures == 1)
                WorkerLog.ServerUnavailable(agent._logger, agent._settings.ServerUrl, what, error.Message, delay.TotalMilliseconds, agent._settings.MaxBackoff.TotalMilliseconds);
            else WorkerLog.ServerStillUnavailable(agent._logger, agent._settings.ServerUrl, what, _backoff.Failures, error.Message, delay.TotalMilliseconds);
            return delay;
        }

        public void Ended()
        {
            _refusal = null;
            var failures = _backoff.Reset();
            if (failures > 0) WorkerLog.ServerBack(agent._logger, agent._settings.ServerUrl, failures, what);
        }
    }
}
