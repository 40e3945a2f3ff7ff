using DeepForge.Dispatch;
using DeepForge.Runner.Protocol;
using DeepForge.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepForge.Core.Tests.Dispatch;

/// <summary>
/// The job queue on the real store, swept as the server's sweeper sweeps it: a job whose lease was taken away
/// waits for its holder while no sweep has found the store taking writes for longer than a stall, and a stall
/// is noticed even when it began before the first sweep.
/// </summary>
public sealed class StallHoldBackTests
{
    [Fact]
    public async Task A_lease_is_kept_when_the_store_stalled_before_the_first_sweep()
    {
        await using var df = TestEngine.Create();
        var queue = Queue(df);
        var jobId = (await queue.EnqueueAsync(Spec(), CancellationToken.None)).Id;
        Assert.NotNull(await queue.LeaseAsync(Ask("holder"), CancellationToken.None));
        // No sweep for longer than a lease and a stall since the queue started, as when the store stalls at once.
        await Task.Delay(queue.Options.LeaseDuration + queue.Options.StallAfter + queue.Options.SweepInterval);

        await queue.SweepAsync(CancellationToken.None);
        await queue.SweepAsync(CancellationToken.None);

        var job = await queue.GetAsync(jobId, CancellationToken.None);
        Assert.Equal((JobStatus.Leased, "holder", 1), (job!.Status, job.RunnerId, job.Attempts));
    }

    [Fact]
    public async Task A_requeued_job_is_held_for_its_holder_while_no_sweep_has_run_for_longer_than_a_stall()
    {
        await using var df = TestEngine.Create();
        var queue = Queue(df);
        var (jobId, held) = await LeasedThenTakenAwayAsync(queue);
        // No sweep after this, as when the store stalls: the holder's heartbeats may be stuck in the same stall.
        await Task.Delay(queue.Options.StallAfter + queue.Options.SweepInterval);

        var rival = await queue.LeaseAsync(Ask("rival"), CancellationToken.None);
        var beat = await queue.HeartbeatAsync(jobId, new HeartbeatRequest(held.LeaseToken, [], []), CancellationToken.None);

        Assert.Null(rival);
        Assert.Equal(JobReportStatus.Accepted, beat.Status);
        var job = await queue.GetAsync(jobId, CancellationToken.None);
        Assert.Equal((JobStatus.Leased, "holder", 1), (job!.Status, job.RunnerId, job.Attempts));
    }

    [Fact]
    public async Task A_requeued_job_goes_to_a_waiting_rival_once_a_sweep_has_found_the_store_taking_writes_again()
    {
        await using var df = TestEngine.Create();
        var queue = Queue(df);
        var (jobId, _) = await LeasedThenTakenAwayAsync(queue);
        await Task.Delay(queue.Options.StallAfter + queue.Options.SweepInterval);
        await queue.SweepAsync(CancellationToken.None);

        var rival = await queue.LeaseAsync(Ask("rival"), CancellationToken.None);

        Assert.Equal(jobId, rival?.JobId);
        var job = await queue.GetAsync(jobId, CancellationToken.None);
        Assert.Equal((JobStatus.Leased, "rival", 2), (job!.Status, job.RunnerId, job.Attempts));
    }

    private static JobQueue Queue(TestEngine df)
    {
        var options = new JobQueueOptions { LeaseDuration = TimeSpan.FromMilliseconds(300) };
        return new JobQueue(df.Documents, df.Blobs, new RunnerRegistry(df.Documents, options), options, NullLogger<JobQueue>.Instance);
    }

    private static LeaseRequest Ask(string runner) => new(runner, [], 1, null, 0);

    private static JobSpec Spec() => new() { ExecutionId = "e1", NodeId = "numbers", Attempt = 1, Operation = "Numbers" };

    // The holder leases and never heartbeats; sweeps close together take its lease away, as the sweeper does.
    private static async Task<(string JobId, LeasedJob Held)> LeasedThenTakenAwayAsync(JobQueue queue)
    {
        var jobId = (await queue.EnqueueAsync(Spec(), CancellationToken.None)).Id;
        var held = await queue.LeaseAsync(Ask("holder"), CancellationToken.None) ?? throw new InvalidOperationException("the holder got no job");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await queue.GetAsync(jobId, CancellationToken.None))!.Status != JobStatus.Queued)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("gave up after 30 s waiting for the sweeps to take the lease away");
            await queue.SweepAsync(CancellationToken.None);
            await Task.Delay(queue.Options.SweepInterval);
        }
        return (jobId, held);
    }
}
