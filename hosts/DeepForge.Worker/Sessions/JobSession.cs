using System.Diagnostics;
using DeepForge.Client;
using DeepForge.Runner.Protocol;
using DeepForge.Runtime;
using DeepForge.Worker.Http;
using DeepForge.Worker.Jobs;

namespace DeepForge.Worker.Sessions;

/// <summary>
/// One leased job: its blobs fetched, run by the executor while heartbeats hold the lease, its outputs uploaded, and its
/// completion or failure reported, each waited out while the server is away. The job's folder and cache pins go at the end.
/// </summary>
internal sealed class JobSession(JobSessions shared, LeasedJob leased)
{
    private const long SkipUploadCheckBytes = 1 << 20;

    private readonly JobSpec _spec = leased.Spec;
    private readonly ReportBuffer _report = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private string RunnerId => shared.Identity.RunnerId;

    public async Task RunAsync(CancellationToken stopping)
    {
        WorkerLog.JobLeased(shared.Logger, leased.JobId, _spec.Operation, _spec.NodeId, _spec.Attempt);
        using var jobCancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var heartbeats = new Heartbeats(shared.Client, shared.Settings, shared.Logger, leased, _report, UploadAsync);
        string? folder = null;
        var failed = true;
        using var pinned = shared.Cache.PinJob(_spec);
        try
        {
            JobOutcome? outcome;
            using (var heartbeatStop = new CancellationTokenSource())
            {
                var beating = heartbeats.RunAsync(jobCancel, heartbeatStop.Token, stopping);
                outcome = await RunJobAsync(f => folder = f, jobCancel);
                heartbeatStop.Cancel();
                await beating;
            }
            var lease = heartbeats.Lease;
            if (lease.Lost) { WorkerLog.LeaseLost(shared.Logger, leased.JobId, "the job ran"); return; }
            if (stopping.IsCancellationRequested) { WorkerLog.JobAbandoned(shared.Logger, leased.JobId); return; }
            if (outcome == null || lease.CancelRequested)
            {
                WorkerLog.JobCancelled(shared.Logger, leased.JobId);
                outcome = JobOutcome.Failure($"operation '{_spec.Operation}' of node '{_spec.NodeId}' was cancelled",
                    $"worker {RunnerId} ended the job's process tree because the server asked to cancel it");
            }
            failed = !outcome.Succeeded;
            await ReportAsync(outcome, heartbeats, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            WorkerLog.JobAbandoned(shared.Logger, leased.JobId);
        }
        catch (Exception e)
        {
            WorkerLog.ReportFailed(shared.Logger, leased.JobId, e.Message);
        }
        finally
        {
            if (folder != null) shared.Folders.Finish(folder, failed);
            pinned.Dispose(); // its outputs are uploaded: the job's blobs may go now
            TrimCache(null);
        }
    }

    // The job's outcome, or null when it was cancelled (by the server, or the worker stopping).
    private async Task<JobOutcome?> RunJobAsync(Action<string> madeFolder, CancellationTokenSource jobCancel)
    {
        try
        {
            var folder = shared.Folders.Create(leased.JobId);
            madeFolder(folder);
            TrimCache(_spec);
            await shared.Cache.EnsureJobAsync(_spec, jobCancel.Token);
            var outcome = await shared.Executor.RunAsync(_spec, folder, _report, jobCancel.Token);
            // Uploaded while the heartbeats still run: a long upload keeps the lease and still hears a cancel.
            return outcome.Succeeded ? await UploadOutputsAsync(outcome, jobCancel.Token) : outcome;
        }
        catch (OperationCanceledException) when (jobCancel.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e)
        {
            return JobOutcome.Failure($"operation '{_spec.Operation}' of node '{_spec.NodeId}' could not run on worker {RunnerId}: {e.Message}", e.ToString());
        }
    }

    // Eviction is housekeeping: a failure to evict (a file system error) is logged, and the job runs anyway.
    private void TrimCache(JobSpec? incoming)
    {
        try
        {
            if (incoming != null) shared.Cache.MakeRoomFor(incoming);
            else shared.Cache.Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WorkerLog.EvictionFailed(shared.Logger, e.Message);
        }
    }

    private async Task ReportAsync(JobOutcome outcome, Heartbeats heartbeats, CancellationToken stopping)
    {
        var jobId = leased.JobId;
        // Feedback travels only in heartbeats, and a failure's log too: send what is left before the last word.
        if (_report.HasPendingFeedback || (!outcome.Succeeded && _report.HasPending))
        {
            var flushed = await WaitAsync($"reporting job {jobId}", async ct =>
            {
                var result = await heartbeats.SendAsync(ct);
                return result.Kind == HeartbeatKind.Failed ? throw result.Error! : result.Kind;
            }, stopping);
            if (flushed == HeartbeatKind.LeaseLost) { WorkerLog.LeaseLost(shared.Logger, jobId, "sending its last log and feedback"); return; }
        }
        bool accepted;
        if (outcome.Succeeded)
        {
            var log = _report.Take().Log;
            accepted = await WaitAsync($"completing job {jobId}",
                ct => shared.Client.CompleteAsync(jobId, new CompleteRequest(leased.LeaseToken, outcome.Outputs!, log.Count == 0 ? null : log), ct), stopping);
            if (accepted) WorkerLog.JobSucceeded(shared.Logger, jobId, _clock.Elapsed.TotalMilliseconds);
        }
        else
        {
            accepted = await WaitAsync($"failing job {jobId}",
                ct => shared.Client.FailAsync(jobId, new FailRequest(leased.LeaseToken, outcome.Error!, outcome.Details), ct), stopping);
            if (accepted) WorkerLog.JobFailed(shared.Logger, jobId, outcome.Error!);
        }
        if (!accepted) WorkerLog.LeaseLost(shared.Logger, jobId, outcome.Succeeded ? "completing it" : "failing it");
    }

    // A refusal the server will repeat however often it is asked (no space: 507; content it rejects: 4xx)
    // fails the job with the server's reason; only an unreachable or restarting server is waited for.
    private async Task<JobOutcome> UploadOutputsAsync(JobOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var hash in outcome.Outputs!.Values.Select(o => o.Hash).Distinct())
                await WaitAsync($"uploading the outputs of job {leased.JobId}", ct => UploadAsync(hash, ct), cancellationToken);
            return outcome;
        }
        catch (Exception e) when (e is DeepForgeApiException { Transient: false } or IOException or DeepForgeException)
        {
            var reason = e is DeepForgeApiException api ? ServerFailure.Describe(api) : e.Message;
            return JobOutcome.Failure($"operation '{_spec.Operation}' of node '{_spec.NodeId}': worker {RunnerId} could not upload its outputs: {reason}", e.ToString());
        }
    }

    private async Task<bool> UploadAsync(string hash, CancellationToken cancellationToken)
    {
        var path = shared.Cache.PathOf(hash);
        if (!File.Exists(path)) throw new DeepForgeException("blob", $"output blob {hash} is missing from the cache {shared.Cache.Root}");
        // A large output the server already has (an identical earlier result) is not sent again; a small one costs less to send than to ask about.
        var length = new FileInfo(path).Length;
        if (length >= SkipUploadCheckBytes && await shared.Client.BlobSizeAsync(hash, cancellationToken) == length) return true;
        await shared.Client.PutBlobAsync(hash, path, cancellationToken);
        return true;
    }

    private Task<T> WaitAsync<T>(string what, Func<CancellationToken, Task<T>> action, CancellationToken stopping) =>
        ServerWait.UntilAnsweredAsync(shared.Settings, shared.Logger, what, action, stopping);
}
