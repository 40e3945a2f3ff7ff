using DeepForge.Models;
using DeepForge.Runtime;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

public sealed class ResumeTests
{
    [Fact]
    public async Task Resume_RunsOnlyUnfinishedNodes_AfterProcessWasKilled()
    {
        await using var df = TestEngine.Create();
        var tally = df.PathOf("tally.txt");
        var first = await df.RunAsync(Create(Chain(tally: tally)), "main", new RunOptions { UseCache = false });
        Assert.Equal(ExecutionStatus.Succeeded, first.Status);

        // What a process killed while 'sum' ran leaves behind: the execution and 'sum' Running, 'out' Pending, the owner gone.
        var dead = new ExecutionOwner(Environment.MachineName, int.MaxValue, DateTimeOffset.UtcNow.AddHours(-1));
        await df.Store.Executions.UpdateAsync(first.Id, "test", e =>
        {
            (e.Status, e.Owner, e.FinishedAt) = (ExecutionStatus.Running, dead, null);
            return e;
        }, default);
        await SetNodeAsync(df, first.Id, "sum", NodeStatus.Running);
        await SetNodeAsync(df, first.Id, "out", NodeStatus.Pending);
        await df.Documents.DeleteAsync("artifacts", $"{first.Id}-out");
        Assert.Equal(ExecutionStatus.Interrupted, (await df.Engine.Executions.GetAsync(first.Id)).Status);

        var resumed = await df.Engine.Executions.ResumeAsync(first.Id);

        Assert.Equal(ExecutionStatus.Succeeded, resumed.Status);
        Assert.Equal(new Dictionary<string, int> { ["Numbers"] = 1, ["Scale"] = 1, ["Sum"] = 2 }, ReadTally(tally));
        Assert.Equal(2, (await df.NodeAsync(first.Id, "sum")).Attempts);
        Assert.Equal(1, (await df.NodeAsync(first.Id, "scale")).Attempts);
        Assert.Equal(20.0, await df.Engine.Artifacts.ReadAsync<double>((await df.Engine.Artifacts.FindAsync("test", "total"))!));
    }

    private static Task SetNodeAsync(TestEngine df, string executionId, string nodeId, NodeStatus status) =>
        df.Store.Nodes.UpdateAsync(NodeRecord.Key(executionId, nodeId), executionId, n =>
        {
            (n.Status, n.FinishedAt) = (status, null);
            if (status == NodeStatus.Pending) n.Outputs.Clear();
            return n;
        }, default);
}
