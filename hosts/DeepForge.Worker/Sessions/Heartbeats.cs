using System.Diagnostics;
using System.Net;
using DeepForge.Client;
using DeepForge.Runner.Protocol;
using DeepForge.Worker.Http;
using DeepForge.Worker.Jobs;
using Microsoft.Extensions.Logging;

namespace DeepForge.Worker.Sessions;

/// <summary>
/// A running job's heartbeats: what the job reported goes at most ReportInterval apart, and an idle job still heartbeats
/// every IdleHeartbeatInterval to hold its lease and hear a cancel. A batch the server did not take is kept for the next one.
/// A checkpoint's blob is uploaded (<paramref name="upload"/>) before the heartbeat that reports it, so the server never
/// records a checkpoint it does not have.
/// </summary>
internal sealed class Heartbeats(IRunnerClient client, WorkerSettings settings, ILogger logger, LeasedJob leased, ReportBuffer report,
    Func<string, CancellationToken, Task<bool>> upload)
{
    public LeaseState Lease { get; } = new();

    public async Task RunAsync(CancellationTokenSource job, CancellationToken stop, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(settings.ReportInterval);
        var sinceSent = Stopwatch.StartNew();
        var waitUntil = TimeSpan.Zero;
        var outage = new Outage(settings, logger, $"reporting job {leased.JobId}");
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (sinceSent.Elapsed < waitUntil) continue;
                if (!report.HasPending && sinceSent.Elapsed < settings.IdleHeartbeatInterval) continue;
                var result = await SendAsync(stopping);
                switch (result.Kind)
                {
                    case HeartbeatKind.Sent:
                        outage.Ended();
                        sinceSent.Restart();
                        waitUntil = TimeSpan.Zero;
                        break;
                    case HeartbeatKind.Cancel:
                        Lease.CancelRequested = true;
                        await job.CancelAsync();
                        return;
                    case HeartbeatKind.LeaseLost:
                        Lease.Lost = true;
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

    /// <summary>Sends what is pending now (also the last log and feedback before the job's report).</summary>
    public async Task<HeartbeatResult> SendAsync(CancellationToken cancellationToken)
    {
        var batch = report.Take();
        try
        {
            await UploadCheckpointsAsync(batch.Feedback, cancellationToken);
            var reply = await client.HeartbeatAsync(leased.JobId, new HeartbeatRequest(leased.LeaseToken, batch.Log, batch.Feedback), cancellationToken);
            return new(reply == null ? HeartbeatKind.LeaseLost : reply.Cancel ? HeartbeatKind.Cancel : HeartbeatKind.Sent);
        }
        catch (DeepForgeApiException e)
        {
            // Kept for the next heartbeat unless the server refused the batch itself (a 4xx other than a token problem): a poison batch is dropped.
            if (e.Transient || e.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) report.Restore(batch);
            return new(HeartbeatKind.Failed, e);
        }
        catch (OperationCanceledException)
        {
            report.Restore(batch);
            throw;
        }
    }

    // A checkpoint whose blob cannot be read or sent (gone from the cache, a disk error) must not stop the heartbeats,
    // or the lease would run out under a running job: it is reported all the same, and the server, not having its
    // blob, keeps the node's last checkpoint. An unreachable server is a failed heartbeat like any other.
    private async Task UploadCheckpointsAsync(IReadOnlyList<Feedback.FeedbackEvent> feedback, CancellationToken cancellationToken)
    {
        foreach (var checkpoint in feedback.Select(Feedback.CheckpointReport.From).OfType<Models.OutputValue>())
        {
            try
            {
                await upload(checkpoint.Hash, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DeepForgeException)
            {
                WorkerLog.CheckpointNotUploaded(logger, leased.JobId, checkpoint.Hash, e.Message);
            }
        }
    }
}
