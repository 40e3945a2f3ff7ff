using DeepForge.Extensions;
using DeepForge.Feedback;
using DeepForge.Models;
using DeepForge.Runtime;
using Microsoft.Extensions.Logging;

namespace DeepForge.Dispatch;

/// <summary>
/// Runs jobs by handing them to workers through the <see cref="JobQueue"/>. After a server restart it
/// takes up the job a node already has (queued, leased, or finished while nobody waited) instead of
/// queueing a second one. A cancelled run marks the job, and the worker hears of it in its next
/// heartbeat; a run stopped because the server is stopping, or because it lost its execution's lease to another server,
/// leaves the job to the next owner.
/// A host puts it in place of the in-process runner (Core's <c>IJobRunner</c> seam).
/// </summary>
/// <param name="queue">The queue workers lease from.</param>
/// <param name="serverStopping">Signalled when the host stops: runs stopped by it leave their jobs to the next server instead of cancelling them.</param>
/// <param name="logger">The log.</param>
/// <param name="extensions">The extensions the host has installed, sent with every job (null: none).</param>
public sealed class QueueJobRunner(JobQueue queue, CancellationToken serverStopping, ILogger<QueueJobRunner> logger,
    Func<CancellationToken, Task<IReadOnlyList<JobExtension>>>? extensions = null) : IJobRunner
{
    // How long a job cancelled from outside (another server, the API) waits for the run's own cancel to arrive.
    private static readonly TimeSpan CancelArrival = TimeSpan.FromSeconds(5);

    /// <summary>Queues the job (or takes up the one the node already has) and waits for a worker to end it.</summary>
    public async Task<IReadOnlyDictionary<string, OutputValue>> RunAsync(JobSpec job, IFeedbackSink sink, CancellationToken cancellationToken)
    {
        // The extensions the server has installed travel with the job: a worker loads them before it runs it.
        if (extensions != null) job = job with { Extensions = [.. await extensions(cancellationToken)] };
        var record = await AttachOrEnqueueAsync(job, sink, cancellationToken);
        try
        {
            return await ResultAsync(await queue.WaitForEndAsync(record.Id, cancellationToken), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped with the server, or because another server took the execution over: the job stays for whoever runs it next.
            if (!serverStopping.IsCancellationRequested && !ExecutionRunContext.LeaseLost) await queue.CancelAsync(record.Id, CancellationToken.None);
            throw;
        }
    }

    private async Task<JobRecord> AttachOrEnqueueAsync(JobSpec job, IFeedbackSink sink, CancellationToken cancellationToken)
    {
        var (record, queued) = await queue.TakeUpOrEnqueueAsync(job, cancellationToken);
        if (queued) return record;
        DispatchLog.Reattached(logger, record.Id, record.Status, job.NodeId, job.ExecutionId);
        sink.Log($"Took up job {record.Id} that this node already had ({record.Status.ToString().ToLowerInvariant()}{(record.RunnerId != null ? $", runner '{record.RunnerId}'" : "")}) instead of queueing another.\n");
        return record;
    }

    private async Task<IReadOnlyDictionary<string, OutputValue>> ResultAsync(JobRecord job, CancellationToken cancellationToken)
    {
        switch (job.Status)
        {
            case JobStatus.Succeeded:
                return job.Outputs ?? [];
            case JobStatus.Cancelled:
                // Cancelled from outside: the run's own cancel follows within moments; until it does this is not a failure.
                await Task.Delay(CancelArrival, cancellationToken);
                throw new JobFailedException($"job {job.Id} of node '{job.NodeId}' was cancelled", job.Error ?? "cancelled");
            default:
                throw new JobFailedException(job.Error ?? $"job {job.Id} of node '{job.NodeId}' failed", job.Details ?? job.Error ?? "");
        }
    }
}
