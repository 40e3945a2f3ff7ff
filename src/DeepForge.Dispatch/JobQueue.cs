using System.Security.Cryptography;
using System.Text;
using DeepForge.Blobs;
using DeepForge.Data;
using DeepForge.Feedback;
using DeepForge.Models;
using DeepForge.Runner.Protocol;
using DeepForge.Runtime;
using DeepForge.Storage;
using Microsoft.Extensions.Logging;

namespace DeepForge.Dispatch;

/// <summary>
/// Jobs handed to workers under leases (DESIGN.md decision 2). Every transition is a compare-and-set
/// on the job's document, so two servers on one store never both hand out, finish or re-queue a job;
/// a report is fenced by the lease token, so one from a worker that lost its lease changes nothing.
/// What this process does wakes its waiters at once; what another server does is seen by polling.
/// </summary>
public sealed class JobQueue
{
    private readonly IDocumentStore _documents;
    private readonly IBlobStore _blobs;
    private readonly JobStore _jobs;
    private readonly JobSignals _signals = new();
    private readonly SweepClock _sweeps = new(DateTimeOffset.UtcNow);
    private readonly ILogger<JobQueue> _logger;

    /// <summary>A queue over the store's <c>jobs</c> collection; completions are checked against <paramref name="blobs"/>.</summary>
    public JobQueue(IDocumentStore documents, IBlobStore blobs, RunnerRegistry runners, JobQueueOptions options, ILogger<JobQueue> logger)
    {
        (_documents, _blobs, Runners, Options, _logger) = (documents, blobs, runners, options, logger);
        _jobs = new JobStore(documents);
    }

    /// <summary>The workers heard from.</summary>
    public RunnerRegistry Runners { get; }

    /// <summary>The queue's timings.</summary>
    public JobQueueOptions Options { get; }

    private int LeaseSeconds => (int)Math.Ceiling(Options.LeaseDuration.TotalSeconds);

    /// <summary>Queues a job for the spec and wakes waiting lease requests.</summary>
    public async Task<JobRecord> EnqueueAsync(JobSpec spec, CancellationToken cancellationToken)
    {
        var job = NewJob(spec);
        await _jobs.CreateAsync(job, cancellationToken);
        Announce(job);
        return job;
    }

    /// <summary>
    /// The node's job that is still going (queued or leased, no cancel asked) or that succeeded, else a new queued one; returns
    /// it and whether this call queued it. Looking and queueing are one step on the store: when another server queues a job
    /// for the node in between (it took the execution over while this one was paused), that job is taken up, not doubled.
    /// </summary>
    public async Task<(JobRecord Job, bool Queued)> TakeUpOrEnqueueAsync(JobSpec spec, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (newest, version) = await _jobs.NewestOfNodeVersionedAsync(spec.ExecutionId, spec.NodeId, cancellationToken);
            // A node runs again only when it has no outputs yet, so a job of it that succeeded has outputs nobody took.
            if (newest is { Status: JobStatus.Queued or JobStatus.Leased, CancelRequested: false } or { Status: JobStatus.Succeeded })
                return (newest, false);
            var job = NewJob(spec);
            if (!await _jobs.TryCreateAsync(job, version, cancellationToken)) continue;
            Announce(job);
            return (job, true);
        }
    }

    private JobRecord NewJob(JobSpec spec) => new()
    {
        Id = Guid.NewGuid().ToString("n"), ExecutionId = spec.ExecutionId, NodeId = spec.NodeId, Spec = spec,
        Labels = spec.Labels.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().ToList(),
        Status = JobStatus.Queued, MaxAttempts = Options.MaxAttempts, EnqueuedAt = DateTimeOffset.UtcNow,
    };

    private void Announce(JobRecord job)
    {
        DispatchLog.Queued(_logger, job.Id, job.NodeId, job.ExecutionId, string.Join(", ", job.Labels));
        _signals.Queued();
    }

    /// <summary>The job, or null when there is none.</summary>
    public Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken) => _jobs.GetAsync(jobId, cancellationToken);

    /// <summary>The newest job of a node of an execution, in any state.</summary>
    public Task<JobRecord?> LatestAsync(string executionId, string nodeId, CancellationToken cancellationToken) =>
        _jobs.NewestOfNodeAsync(executionId, nodeId, cancellationToken);

    /// <summary>Every job of an execution, oldest first.</summary>
    public Task<IReadOnlyList<JobRecord>> OfExecutionAsync(string executionId, CancellationToken cancellationToken) =>
        _jobs.OfExecutionAsync(executionId, cancellationToken);

    /// <summary>Every job a worker holds now.</summary>
    public Task<IReadOnlyList<JobRecord>> LeasedAsync(CancellationToken cancellationToken) => _jobs.LeasedAsync(cancellationToken);

    /// <summary>Every job waiting for a worker.</summary>
    public Task<IReadOnlyList<JobRecord>> QueuedAsync(CancellationToken cancellationToken) => _jobs.QueuedAsync(cancellationToken);

    /// <summary>Hands the runner the oldest queued job it has the labels for, waiting up to the long-poll for one; null when none came.</summary>
    public async Task<LeasedJob?> LeaseAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        await Runners.SeenAsync(request, cancellationToken);
        var deadline = DateTimeOffset.UtcNow + LongPollOf(request);
        while (true)
        {
            // Taken before looking, so a job queued between the look and the wait still wakes this request.
            var queued = _signals.NextQueued();
            if (await TryLeaseAsync(request, cancellationToken) is { } job) return job;
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero) return null;
            await Task.WhenAny(queued, Task.Delay(left < Options.PollInterval ? left : Options.PollInterval, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private TimeSpan LongPollOf(LeaseRequest request) =>
        request.WaitSeconds is { } seconds && TimeSpan.FromSeconds(Math.Max(0, seconds)) < Options.LongPoll ? TimeSpan.FromSeconds(Math.Max(0, seconds)) : Options.LongPoll;

    private async Task<LeasedJob?> TryLeaseAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        // While a stall is noted, a job whose lease was taken away waits: its worker's reports may be held up in the
        // same stall, and it takes the job back (LeaseCheck) as long as nobody else has leased it.
        var stalled = _sweeps.StallNoted(DateTimeOffset.UtcNow, Options.StallAfter);
        var queued = (await _jobs.QueuedAsync(cancellationToken))
            .Where(j => !j.CancelRequested && j.RunsOn(request.Labels) && !(stalled && j.ExpiredLeaseTokens.Count > 0)).ToList();
        if (queued.Count == 0) return null;
        // Fair between executions: the job whose execution has the fewest running jobs first, then the oldest,
        // so one execution's many ready jobs do not hold back every other execution's next one.
        var running = (await _jobs.LeasedAsync(cancellationToken)).CountBy(j => j.ExecutionId).ToDictionary();
        var candidates = queued.OrderBy(j => running.GetValueOrDefault(j.ExecutionId))
            .ThenBy(j => j.EnqueuedAt).ThenBy(j => j.Id, StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var token = NewToken();
            var (job, written) = await _jobs.UpdateAsync(candidate.Id, j =>
            {
                if (j.Status != JobStatus.Queued || j.CancelRequested) return false;
                var now = DateTimeOffset.UtcNow;
                (j.Status, j.RunnerId, j.LeaseToken, j.LeasedAt, j.LeaseExpiresAt) = (JobStatus.Leased, request.RunnerId, token, now, now + Options.LeaseDuration);
                j.Attempts++;
                return true;
            }, cancellationToken);
            if (!written) continue; // another runner (or server) took it first
            DispatchLog.Leased(_logger, job!.Id, request.RunnerId, job.Attempts);
            // The log of a job that runs again would read as one run: the attempts are set apart.
            if (job.Attempts > 1) await AppendAsync(job, [AttemptSeparator(job.Spec.Attempt + job.Attempts - 1, request.RunnerId)], [], cancellationToken);
            // A job leased again after its worker was lost continues from the last checkpoint that worker reported.
            var checkpoint = job.Attempts > 1 ? await NodeCheckpoints.LastAsync(_documents, _blobs, job.ExecutionId, job.NodeId, cancellationToken) : null;
            return new LeasedJob(job.Id, token, checkpoint == null ? job.Spec : job.Spec with { Checkpoint = checkpoint }, LeaseSeconds);
        }
        return null;
    }

    /// <summary>A line that separates one attempt's log from the last one's.</summary>
    internal static string AttemptSeparator(int attempt, string runnerId) =>
        $"{JobLogs.AttemptSeparator(attempt)}The last worker's lease ended; runner '{runnerId}' runs the job now.\n";

    /// <summary>
    /// Extends the lease, stores the log and feedback sent, and says whether to cancel. The holder of a
    /// lease that expired while nobody leased the job again takes it back (its heartbeats were lost in a stall).
    /// </summary>
    public async Task<JobReport> HeartbeatAsync(string jobId, HeartbeatRequest request, CancellationToken cancellationToken)
    {
        string? lost = null;
        var (job, _) = await _jobs.UpdateAsync(jobId, j =>
        {
            lost = LeaseCheck.Refusal(j, request.LeaseToken);
            var now = DateTimeOffset.UtcNow;
            if (lost == null && LeaseCheck.Revives(j, request.LeaseToken))
            {
                LeaseCheck.Revive(j, request.LeaseToken, now + Options.LeaseDuration);
                return true;
            }
            // Heartbeats come several times a second; the lease is rewritten only once a third of it has passed.
            if (lost != null || j.LeaseExpiresAt - now > Options.LeaseDuration * 2 / 3) return false;
            j.LeaseExpiresAt = now + Options.LeaseDuration;
            return true;
        }, cancellationToken);
        if (job == null) return JobReport.NotFound(jobId);
        if (lost != null) return Refused(jobId, "heartbeat", lost);
        await AppendAsync(job, request.Log, request.Feedback, cancellationToken);
        await Runners.SeenAsync(job.RunnerId!, cancellationToken);
        // Any of the writes above may have been held up by a stalled store, and the expiry was reckoned before them (it
        // may be past by now, and the next sweep would take the job away): renewed from now, so an answered heartbeat
        // always leaves a lease.
        if (job.LeaseExpiresAt < DateTimeOffset.UtcNow + Options.LeaseDuration / 3) job = await RenewAsync(jobId, request.LeaseToken, cancellationToken) ?? job;
        DispatchLog.HeartbeatAccepted(_logger, jobId, job.LeaseExpiresAt);
        return new JobReport(JobReportStatus.Accepted, Reply: new HeartbeatReply(job.CancelRequested, LeaseSeconds));
    }

    private async Task<JobRecord?> RenewAsync(string jobId, string? token, CancellationToken cancellationToken)
    {
        var (job, _) = await _jobs.UpdateAsync(jobId, j =>
        {
            if (j.Status != JobStatus.Leased || !LeaseCheck.SameToken(j.LeaseToken, token)) return false;
            j.LeaseExpiresAt = DateTimeOffset.UtcNow + Options.LeaseDuration;
            return true;
        }, cancellationToken);
        return job;
    }

    /// <summary>
    /// Stores the outputs of a job whose blobs the worker uploaded. Outputs other than exactly the declared
    /// ones, each an uploaded blob of the stated size, are refused and fail the job: nothing of them is stored.
    /// A job completes once: a second report gets a conflict and the first result stays.
    /// </summary>
    public async Task<JobReport> CompleteAsync(string jobId, CompleteRequest request, CancellationToken cancellationToken)
    {
        if (await _jobs.GetAsync(jobId, cancellationToken) is not { } read) return JobReport.NotFound(jobId);
        var problem = await ReportedOutputs.ProblemAsync(read.Spec, request.Outputs, _blobs, cancellationToken);
        string? refused = null;
        var (job, _) = await _jobs.UpdateAsync(jobId, j =>
        {
            refused = j.Status == JobStatus.Succeeded ? LeaseCheck.AlreadyCompleted(j) : LeaseCheck.Refusal(j, request.LeaseToken);
            if (refused != null) return false;
            if (LeaseCheck.Revives(j, request.LeaseToken)) LeaseCheck.Revive(j, request.LeaseToken, DateTimeOffset.UtcNow);
            if (problem != null) (j.Status, j.Error, j.Details) = (j.CancelRequested ? JobStatus.Cancelled : JobStatus.Failed, Poisoned(j, problem), problem);
            else (j.Status, j.Outputs) = (JobStatus.Succeeded, request.Outputs!.ToDictionary());
            (j.FinishedAt, j.LeaseExpiresAt) = (DateTimeOffset.UtcNow, null);
            return true;
        }, cancellationToken);
        if (job == null) return JobReport.NotFound(jobId);
        if (refused != null) return Refused(jobId, "complete", refused);
        if (request.Log is { Count: > 0 } log) await AppendAsync(job, log, [], cancellationToken);
        _signals.Ended(jobId);
        if (problem != null)
        {
            DispatchLog.Failed(_logger, jobId, job.Status, job.RunnerId, job.Error!);
            return JobReport.Rejected(job.Error!);
        }
        DispatchLog.Succeeded(_logger, jobId, job.RunnerId);
        return JobReport.Accepted;
    }

    private static string Poisoned(JobRecord job, string problem) =>
        $"operation '{job.Spec.Operation}' of node '{job.NodeId}': runner '{job.RunnerId}' completed it with outputs that were refused: {problem}; nothing was stored or cached";

    /// <summary>Records that the operation failed (or stopped after a cancel); a repeat of the same report is accepted again.</summary>
    public async Task<JobReport> FailAsync(string jobId, FailRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Error)) return JobReport.Invalid("'error' is empty: say what went wrong");
        string? lost = null;
        var (job, written) = await _jobs.UpdateAsync(jobId, j =>
        {
            var repeat = j.Status is JobStatus.Failed or JobStatus.Cancelled && LeaseCheck.SameToken(j.LeaseToken, request.LeaseToken);
            lost = repeat ? null : LeaseCheck.Refusal(j, request.LeaseToken);
            if (repeat || lost != null) return false;
            if (LeaseCheck.Revives(j, request.LeaseToken)) LeaseCheck.Revive(j, request.LeaseToken, DateTimeOffset.UtcNow);
            j.Status = j.CancelRequested ? JobStatus.Cancelled : JobStatus.Failed;
            (j.Error, j.Details, j.FinishedAt, j.LeaseExpiresAt) = (request.Error, request.Details, DateTimeOffset.UtcNow, null);
            return true;
        }, cancellationToken);
        if (job == null) return JobReport.NotFound(jobId);
        if (lost != null) return Refused(jobId, "fail", lost);
        if (!written) return JobReport.Accepted;
        DispatchLog.Failed(_logger, jobId, job.Status, job.RunnerId, request.Error);
        _signals.Ended(jobId);
        return JobReport.Accepted;
    }

    /// <summary>A queued job is cancelled at once; a leased one is told so in its next heartbeat reply.</summary>
    public async Task CancelAsync(string jobId, CancellationToken cancellationToken)
    {
        var (job, written) = await _jobs.UpdateAsync(jobId, j =>
        {
            if (!j.IsActive || j.CancelRequested) return false;
            j.CancelRequested = true;
            if (j.Status == JobStatus.Queued) (j.Status, j.FinishedAt) = (JobStatus.Cancelled, DateTimeOffset.UtcNow);
            return true;
        }, cancellationToken);
        if (!written) return;
        DispatchLog.CancelRequested(_logger, jobId, job!.Status);
        if (job.Status == JobStatus.Cancelled) _signals.Ended(jobId);
    }

    /// <summary>Cancels every job of the execution that has not ended.</summary>
    public async Task CancelExecutionAsync(string executionId, CancellationToken cancellationToken)
    {
        foreach (var job in (await _jobs.ActiveAsync(cancellationToken)).Where(j => j.ExecutionId == executionId))
            await CancelAsync(job.Id, cancellationToken);
    }

    /// <summary>Waits until the job has ended and returns it as it ended.</summary>
    public async Task<JobRecord> WaitForEndAsync(string jobId, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var ended = _signals.NextEnded(jobId);
                var job = await _jobs.GetAsync(jobId, cancellationToken)
                    ?? throw new DeepForgeException($"job '{jobId}'", $"job '{jobId}' is no longer in the store");
                if (!job.IsActive) return job;
                await Task.WhenAny(ended, Task.Delay(Options.PollInterval, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            _signals.Forget(jobId);
        }
    }

    /// <summary>Takes expired leases away: the job goes back to the queue, or fails once it has lost its worker <see cref="JobRecord.MaxAttempts"/> times.</summary>
    /// <remarks>
    /// Each sweep with leased jobs first writes to the store. Lease time counts only between sweeps that
    /// could write (<see cref="SweepClock"/>): a lease is taken away only when it had already run out at the
    /// previous such sweep, so it ran out while the store was seen taking writes, and its worker's heartbeats
    /// could have been stored. When this sweep's write ends more than <see cref="JobQueueOptions.StallAfter"/>
    /// after the previous one, the store (or this process) stalled meanwhile: instead of taking leases away
    /// for time the server itself lost, every lease gets one more period from now.
    /// </remarks>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var leased = await _jobs.LeasedAsync(cancellationToken);
        // While jobs are leased, one small document rewritten each sweep proves that the store takes writes now; an idle server writes nothing.
        if (leased.Count > 0) await _documents.PutAsync(Collections.Health, "lease-sweep", null, Json.Serialize(DateTimeOffset.UtcNow), null, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var previous = _sweeps.Last;
        // The soonest expiry is worked out only when the debug log is on: sweeps run every second over every leased job.
        if (_logger.IsEnabled(LogLevel.Debug)) DispatchLog.Swept(_logger, now, previous, leased.Count, leased.Min(j => j.LeaseExpiresAt));
        if (now - previous > Options.StallAfter)
        {
            var extended = await ExtendLeasesAsync(now + Options.LeaseDuration, cancellationToken);
            // Recorded only once the leases have their time back, so lease requests hold back re-queued jobs until then.
            _sweeps.Record(now);
            DispatchLog.StoreStalled(_logger, (now - previous).TotalSeconds, extended);
            return;
        }
        _sweeps.Record(now);
        foreach (var job in leased.Where(j => j.LeaseExpiresAt < previous))
            await ExpireAsync(job.Id, previous, cancellationToken);
    }

    // Takes the lease away when it had run out by `vouched`, the last sweep known to have found the store taking writes.
    private async Task ExpireAsync(string jobId, DateTimeOffset vouched, CancellationToken cancellationToken)
    {
        string? runner = null;
        var (job, written) = await _jobs.UpdateAsync(jobId, j =>
        {
            if (j.Status != JobStatus.Leased || j.LeaseExpiresAt >= vouched) return false;
            var now = DateTimeOffset.UtcNow;
            runner = j.RunnerId;
            j.Status = j.CancelRequested ? JobStatus.Cancelled : j.Attempts >= j.MaxAttempts ? JobStatus.Failed : JobStatus.Queued;
            if (j.Status == JobStatus.Failed) j.Error = GaveUp(j);
            if (j.Status != JobStatus.Queued) j.FinishedAt = now;
            LeaseCheck.Expire(j);
            return true;
        }, cancellationToken);
        if (!written) return;
        DispatchLog.LeaseExpired(_logger, jobId, runner, job!.Status);
        // The node's log says why its job stopped and will start again, instead of going quiet.
        if (job.Status == JobStatus.Queued)
            await AppendAsync(job, [$"\nRunner '{runner}' stopped reporting for {Options.LeaseDuration.TotalSeconds:0.#} s: its lease expired and the job went back to the queue (attempt {job.Attempts} of {job.MaxAttempts}).\n"], [], cancellationToken);
        if (job.Status == JobStatus.Queued) _signals.Queued();
        else _signals.Ended(jobId);
    }

    private string GaveUp(JobRecord job) =>
        $"operation '{job.Spec.Operation}' of node '{job.NodeId}' lost its worker {job.Attempts} times (the last, runner '{job.RunnerId}', " +
        $"stopped reporting for {Options.LeaseDuration.TotalSeconds:0.#} s); gave up after {job.MaxAttempts} attempts";

    /// <summary>
    /// At start, gives every leased job one more lease period: its worker could not report while no
    /// server ran, and should not lose work it may have finished in the meantime.
    /// </summary>
    public async Task ExtendLeasesAfterStartAsync(CancellationToken cancellationToken)
    {
        var count = await ExtendLeasesAsync(DateTimeOffset.UtcNow + Options.LeaseDuration, cancellationToken);
        if (count > 0) DispatchLog.LeasesExtended(_logger, count);
    }

    // Every lease that ends sooner ends at `until` instead; returns how many were extended.
    private async Task<int> ExtendLeasesAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var job in await _jobs.LeasedAsync(cancellationToken))
        {
            var (_, written) = await _jobs.UpdateAsync(job.Id, j =>
            {
                if (j.Status != JobStatus.Leased || j.LeaseExpiresAt >= until) return false;
                j.LeaseExpiresAt = until;
                return true;
            }, cancellationToken);
            if (written) count++;
        }
        return count;
    }

    /// <summary>For each queued node of the execution, why it has not started: "waiting for a worker with: gpu" when no connected worker can run it.</summary>
    public async Task<IReadOnlyDictionary<string, string>> WaitingAsync(string executionId, CancellationToken cancellationToken)
    {
        var queued = (await _jobs.QueuedAsync(cancellationToken)).Where(j => j.ExecutionId == executionId).ToList();
        if (queued.Count == 0) return new Dictionary<string, string>();
        var runners = await Runners.ConnectedAsync(cancellationToken);
        return queued.GroupBy(j => j.NodeId).ToDictionary(g => g.Key, g => WaitingMessage(g.Last(), runners));
    }

    /// <summary>Why a queued job has not started, given the runners connected now.</summary>
    public static string WaitingMessage(JobRecord job, IReadOnlyList<RunnerRecord> runners)
    {
        if (runners.Any(r => job.RunsOn(r.Labels))) return "queued: waiting for a free worker";
        return job.Labels.Count == 0 ? "waiting for a worker" : $"waiting for a worker with: {string.Join(", ", job.Labels)}";
    }

    private JobReport Refused(string jobId, string report, string reason)
    {
        DispatchLog.ReportRefused(_logger, jobId, report, reason);
        return new JobReport(JobReportStatus.LeaseLost, reason);
    }

    // The same streams StreamingSink writes, so a node's log reads the same whichever runner ran it.
    private async Task AppendAsync(JobRecord job, IReadOnlyList<string>? log, IReadOnlyList<FeedbackEvent>? feedback, CancellationToken cancellationToken)
    {
        if (log is { Count: > 0 } && string.Concat(log) is { Length: > 0 } text)
            await _documents.AppendAsync(Collections.LogStream(job.ExecutionId, job.NodeId), [text], cancellationToken);
        if (feedback is { Count: > 0 })
        {
            var notes = new List<string>();
            feedback = await NodeCheckpoints.RecordAsync(_documents, _blobs, job.ExecutionId, job.NodeId, feedback, notes.Add, cancellationToken);
            if (notes.Count > 0) await _documents.AppendAsync(Collections.LogStream(job.ExecutionId, job.NodeId), notes, cancellationToken);
        }
        if (feedback is { Count: > 0 })
            await _documents.AppendAsync(Collections.FeedbackStream(job.ExecutionId, job.NodeId), feedback.Select(Json.Serialize).ToList(), cancellationToken);
    }

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
