using DeepForge.Dispatch;
using DeepForge.Models;
using DeepForge.Runtime;
using DeepForge.Storage;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

public sealed class DeleteExecutionTests
{
    /// <summary>Chain with a node that draws feedback and one that writes to the console.</summary>
    private static PipelineBuilder Noisy() =>
        Chain().Op("plot", "Plot").Op("shout", "Shout", ("message", "hello from shout"));

    [Fact]
    public async Task DeleteAsync_RemovesExecutionNodesLogAndFeedback_WhenFinished()
    {
        await using var df = TestEngine.Create();
        var execution = await df.RunAsync(Create(Noisy()), "main");
        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.NotEmpty(await df.Engine.Executions.FeedbackAsync(execution.Id, "plot"));
        Assert.Contains("hello from shout", await df.Engine.Executions.LogAsync(execution.Id, "shout"));

        await df.Engine.Executions.DeleteAsync(execution.Id);

        var gone = await Assert.ThrowsAsync<DeepForgeException>(() => df.Engine.Executions.GetAsync(execution.Id));
        Assert.Contains($"there is no execution '{execution.Id}'", gone.Message);
        Assert.Empty(await df.Store.Nodes.ListAsync(execution.Id, CancellationToken.None));
        Assert.Empty(await df.Documents.ReadStreamAsync(Collections.LogStream(execution.Id, "shout"), 0, 10));
        Assert.Empty(await df.Documents.ReadStreamAsync(Collections.FeedbackStream(execution.Id, "plot"), 0, 10));
        Assert.Empty(await df.Engine.Executions.ListAsync("test"));
    }

    [Fact]
    public async Task DeleteAsync_KeepsTheArtifactsTheExecutionProduced()
    {
        await using var df = TestEngine.Create();
        var execution = await df.RunAsync(Create(Chain()), "main");
        var artifact = await df.Engine.Artifacts.FindAsync("test", "total");
        Assert.NotNull(artifact);

        await df.Engine.Executions.DeleteAsync(execution.Id);

        var kept = await df.Engine.Artifacts.FindAsync("test", "total");
        Assert.Equal(artifact.Id, kept?.Id);
        Assert.True(await df.Blobs.ExistsAsync(artifact.Hash));
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheJobsOfTheExecution_AndNoOthers()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create(Chain()));
        var doomed = await df.Engine.Executions.CreateAsync("test", "main");
        var other = await df.Engine.Executions.CreateAsync("test", "main");
        await df.Engine.Executions.CancelAsync(doomed.Id);
        var jobs = new JobStore(df.Documents);
        await jobs.CreateAsync(Job(doomed.Id, JobStatus.Cancelled), CancellationToken.None);
        await jobs.CreateAsync(Job(other.Id, JobStatus.Queued), CancellationToken.None);

        await df.Engine.Executions.DeleteAsync(doomed.Id);

        Assert.Empty(await jobs.OfExecutionAsync(doomed.Id, CancellationToken.None));
        Assert.Null(await jobs.NewestOfNodeAsync(doomed.Id, "numbers", CancellationToken.None));
        Assert.Single(await jobs.OfExecutionAsync(other.Id, CancellationToken.None));
        Assert.NotNull(await jobs.NewestOfNodeAsync(other.Id, "numbers", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_Refuses_WhilePending_AndKeepsTheExecution()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create(Chain()));
        var pending = await df.Engine.Executions.CreateAsync("test", "main");

        var refused = await Assert.ThrowsAsync<DeepForgeException>(() => df.Engine.Executions.DeleteAsync(pending.Id));

        Assert.Contains($"execution '{pending.Id}' is pending: cancel it before deleting it", refused.Message);
        Assert.Equal(ExecutionStatus.Pending, (await df.Engine.Executions.GetAsync(pending.Id)).Status);
        Assert.Equal(4, (await df.Engine.Executions.NodesAsync(pending.Id)).Count);
    }

    [Fact]
    public async Task DeleteAsync_Refuses_WhileRunning_AndWorksOnceCancelled()
    {
        await using var df = TestEngine.Create();
        var started = df.PathOf("started.txt");
        var pipeline = Pipeline()
            .Op("numbers", "Numbers")
            .Op("wait", "Wait", ("started", started))
            .Wire("numbers.values", "wait.values");
        await df.Engine.Projects.SaveAsync(Create(pipeline));
        var observer = new ExecutionIdObserver();
        var run = Task.Run(() => df.Engine.Executions.RunAsync("test", "main", observer: observer));
        var id = await observer.Id.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => File.Exists(started), "the Wait operation to start");

        var refused = await Assert.ThrowsAsync<DeepForgeException>(() => df.Engine.Executions.DeleteAsync(id));
        Assert.Contains("is running: cancel it before deleting it", refused.Message);
        Assert.Equal(ExecutionStatus.Running, (await df.Engine.Executions.GetAsync(id)).Status);

        await df.Engine.Executions.CancelAsync(id);
        await run.WaitAsync(TimeSpan.FromSeconds(30));
        await df.Engine.Executions.DeleteAsync(id);
        Assert.Empty(await df.Engine.Executions.ListAsync("test"));
    }

    private static JobRecord Job(string executionId, JobStatus status) => new()
    {
        Id = Guid.NewGuid().ToString("n"), ExecutionId = executionId, NodeId = "numbers", Status = status, EnqueuedAt = DateTimeOffset.UtcNow,
        Spec = new JobSpec { ExecutionId = executionId, NodeId = "numbers", Attempt = 1, Operation = "Numbers" },
    };
}
