using DeepForge.Models;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

public sealed class CancellationTests
{
    [Fact]
    public async Task Cancel_StopsRunningOperation_AndMarksExecutionCancelled()
    {
        await using var df = TestEngine.Create();
        var started = df.PathOf("started.txt");
        var pipeline = Pipeline()
            .Op("numbers", "Numbers")
            .Op("wait", "Wait", ("started", started))
            .Output("out", "waited")
            .Wire("numbers.values", "wait.values")
            .Wire("wait.values", "out.data");
        await df.Engine.Projects.SaveAsync(Create(pipeline));
        var observer = new ExecutionIdObserver();

        var run = Task.Run(() => df.Engine.Executions.RunAsync("test", "main", observer: observer));
        var id = await observer.Id.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => File.Exists(started), "the Wait operation to start");
        await Task.Run(() => df.Engine.Executions.CancelAsync(id));
        var execution = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExecutionStatus.Cancelled, execution.Status);
        Assert.Equal(ExecutionStatus.Cancelled, (await df.Engine.Executions.GetAsync(id)).Status);
        Assert.Equal(NodeStatus.Succeeded, (await df.NodeAsync(id, "numbers")).Status);
        Assert.Equal(NodeStatus.Cancelled, (await df.NodeAsync(id, "wait")).Status);
        Assert.Equal(NodeStatus.Cancelled, (await df.NodeAsync(id, "out")).Status);
        Assert.Null(await df.Engine.Artifacts.FindAsync("test", "waited"));
    }
}
