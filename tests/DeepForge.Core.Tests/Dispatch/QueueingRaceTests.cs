using DeepForge.Dispatch;
using DeepForge.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepForge.Core.Tests.Dispatch;

/// <summary>
/// Queueing a node's job on a store that two servers share: a server paused between looking for the node's job and queueing
/// one (while the other took the execution over and queued it) takes up the other's job instead of queueing a second.
/// </summary>
public sealed class QueueingRaceTests
{
    [Fact]
    public async Task TakeUpOrEnqueue_TakesUpTheOtherServersJob_WhenItQueuedOneWhileThisServerWasPaused()
    {
        await using var first = TestEngine.Create();
        await using var second = first.Reopen();
        var pausing = new PausingStore(first.Documents, Storage.Collections.NodeJobs);
        var paused = Queue(pausing, first);
        var other = Queue(second.Documents, second);

        // The paused server has looked (no job yet) and stops before it queues.
        var pausedCall = paused.TakeUpOrEnqueueAsync(Spec("n0"), CancellationToken.None);
        await pausing.Paused;
        var (othersJob, otherQueued) = await other.TakeUpOrEnqueueAsync(Spec("n0"), CancellationToken.None);
        pausing.Resume();
        var (job, queued) = await pausedCall;

        Assert.True(otherQueued);
        Assert.False(queued);
        Assert.Equal(othersJob.Id, job.Id);
        Assert.Single(await other.OfExecutionAsync("e1", CancellationToken.None));
    }

    [Fact]
    public async Task TakeUpOrEnqueue_QueuesAnotherJob_WhenTheNodesJobWasCancelled()
    {
        await using var df = TestEngine.Create();
        var queue = Queue(df);
        var (cancelled, _) = await queue.TakeUpOrEnqueueAsync(Spec("n0"), CancellationToken.None);
        await queue.CancelAsync(cancelled.Id, CancellationToken.None);

        var (next, queued) = await queue.TakeUpOrEnqueueAsync(Spec("n0"), CancellationToken.None);

        Assert.True(queued);
        Assert.NotEqual(cancelled.Id, next.Id);
        Assert.Equal(next.Id, (await queue.LatestAsync("e1", "n0", CancellationToken.None))!.Id);
    }

    private static JobQueue Queue(TestEngine df) => Queue(df.Documents, df);

    private static JobQueue Queue(Storage.IDocumentStore documents, TestEngine df)
    {
        var options = new JobQueueOptions();
        return new JobQueue(documents, df.Blobs, new RunnerRegistry(documents, options), options, NullLogger<JobQueue>.Instance);
    }

    private static JobSpec Spec(string node) => new() { ExecutionId = "e1", NodeId = node, Attempt = 1, Operation = "Numbers" };
}
