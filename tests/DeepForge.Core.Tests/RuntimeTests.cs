using DeepForge.Models;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

public sealed class RuntimeTests
{
    [Fact]
    public async Task Run_SavesOutputArtifact_ReadableAsValue()
    {
        await using var df = TestEngine.Create();

        var execution = await df.RunAsync(Create(Chain(count: 4, factor: 2)), "main");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        var nodes = await df.Engine.Executions.NodesAsync(execution.Id);
        Assert.All(nodes, n => Assert.Equal(NodeStatus.Succeeded, n.Status));
        var artifact = await df.Engine.Artifacts.FindAsync("test", "total");
        Assert.NotNull(artifact);
        Assert.Equal(execution.Id, artifact.ExecutionId);
        Assert.Equal("out", artifact.NodeId);
        Assert.Equal(20.0, await df.Engine.Artifacts.ReadAsync<double>(artifact)); // (1+2+3+4) * 2
    }

    [Fact]
    public async Task Run_RunsIndependentNodesInParallel()
    {
        await using var df = TestEngine.Create();
        // Each Meet waits (at most 20 s) on a barrier of two: it only passes when the other runs at the same time.
        var pipeline = Pipeline()
            .Op("numbers", "Numbers")
            .Op("left", "Meet", ("name", "left"))
            .Op("right", "Meet", ("name", "right"))
            .Wire("numbers.values", "left.values")
            .Wire("numbers.values", "right.values");

        var execution = await df.RunAsync(Create(pipeline), "main");

        Assert.True(execution.Status == ExecutionStatus.Succeeded, execution.Error);
    }

    [Fact]
    public async Task Run_CapturesConsoleOutputInNodeLog()
    {
        await using var df = TestEngine.Create();
        var pipeline = Pipeline()
            .Op("shout", "Shout", ("message", "hello from the operation"))
            .Op("quiet", "Numbers");

        var execution = await df.RunAsync(Create(pipeline), "main");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Contains("hello from the operation", await df.Engine.Executions.LogAsync(execution.Id, "shout"));
        Assert.DoesNotContain("hello from the operation", await df.Engine.Executions.LogAsync(execution.Id, "quiet"));
    }

    [Fact]
    public async Task Run_StoresGraphAndImageFeedback()
    {
        await using var df = TestEngine.Create();

        var execution = await df.RunAsync(Create(Pipeline().Op("plot", "Plot")), "main");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        var events = await df.Engine.Executions.FeedbackAsync(execution.Id, "plot");
        var graph = Assert.Single(events, e => e.Kind == "graph");
        Assert.Equal("Loss", graph.Text);
        Assert.Equal("step", Assert.Single(events, e => e.Kind == "xlabel" && e.Id == graph.Id).Text);
        Assert.Equal("loss", Assert.Single(events, e => e.Kind == "ylabel" && e.Id == graph.Id).Text);
        var line = Assert.Single(events, e => e.Kind == "line");
        Assert.Equal(("train", graph.Id), (line.Text, line.Parent));
        var points = events.Where(e => e.Kind == "points" && e.Id == line.Id).SelectMany(e => e.Points!).ToArray();
        Assert.Equal([0, 1.0, 1, 0.5, 2, 0.25], points);
        var image = Assert.Single(events, e => e.Kind == "image");
        Assert.Equal("first batch", image.Text);
        Assert.Equal(new byte[] { 137, 80, 78, 71 }, image.Png![..4]);
        Assert.Equal("first batch, scaled", Assert.Single(events, e => e.Kind == "image-title" && e.Id == image.Id).Text);
    }

    [Fact]
    public async Task Run_FailingOperation_FailsExecutionAndSkipsLaterNodes()
    {
        await using var df = TestEngine.Create();
        var pipeline = Pipeline()
            .Op("numbers", "Numbers")
            .Op("fail", "Fail", ("message", "the data is bad"))
            .Op("scale", "Scale")
            .Output("out", "scaled")
            .Wire("numbers.values", "fail.values")
            .Wire("fail.values", "scale.values")
            .Wire("scale.scaled", "out.data");

        var execution = await df.RunAsync(Create(pipeline), "main");

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        Assert.Contains("the data is bad", execution.Error);
        var failed = await df.NodeAsync(execution.Id, "fail");
        Assert.Equal(NodeStatus.Failed, failed.Status);
        Assert.Contains("the data is bad", failed.Error);
        Assert.Equal(NodeStatus.Succeeded, (await df.NodeAsync(execution.Id, "numbers")).Status);
        Assert.Equal(NodeStatus.Skipped, (await df.NodeAsync(execution.Id, "scale")).Status);
        Assert.Equal(NodeStatus.Skipped, (await df.NodeAsync(execution.Id, "out")).Status);
        var log = await df.Engine.Executions.LogAsync(execution.Id, "fail");
        Assert.Contains("System.InvalidOperationException: the data is bad", log);
        Assert.Null(await df.Engine.Artifacts.FindAsync("test", "scaled"));
    }

    [Fact]
    public async Task Run_RetriesFailingOperation()
    {
        await using var df = TestEngine.Create();
        var tally = df.PathOf("tally.txt");
        var pipeline = Pipeline()
            .Op("numbers", "Numbers")
            .Op("fail", "Fail", ("tally", tally)).With(n => n.Retries = 1)
            .Wire("numbers.values", "fail.values");

        var execution = await df.RunAsync(Create(pipeline), "main");

        Assert.Equal(ExecutionStatus.Failed, execution.Status);
        var failed = await df.NodeAsync(execution.Id, "fail");
        Assert.Equal(NodeStatus.Failed, failed.Status);
        Assert.Equal(2, failed.Attempts);
        Assert.Equal(2, ReadTally(tally)["Fail"]);
    }

    [Fact]
    public async Task Run_StoresEveryOutputOfTupleOperation()
    {
        await using var df = TestEngine.Create();
        var pipeline = Pipeline()
            .Op("numbers", "Numbers", ("count", 5))
            .Op("split", "Split")
            .Output("evens", "even")
            .Output("odds", "odd")
            .Wire("numbers.values", "split.values")
            .Wire("split.even", "evens.data")
            .Wire("split.odd", "odds.data");

        var execution = await df.RunAsync(Create(pipeline), "main");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(["even", "odd"], (await df.NodeAsync(execution.Id, "split")).Outputs.Keys.Order());
        var even = await df.Engine.Artifacts.ReadAsync<int[]>((await df.Engine.Artifacts.FindAsync("test", "even"))!);
        var odd = await df.Engine.Artifacts.ReadAsync<int[]>((await df.Engine.Artifacts.FindAsync("test", "odd"))!);
        Assert.Equal(new[] { 2, 4 }, even);
        Assert.Equal(new[] { 1, 3, 5 }, odd);
    }

    [Fact]
    public async Task Run_AwaitsAsyncOperation()
    {
        await using var df = TestEngine.Create();
        var pipeline = Pipeline()
            .Op("numbers", "Numbers", ("count", 6))
            .Op("count", "CountAsync")
            .Output("out", "count")
            .Wire("numbers.values", "count.values")
            .Wire("count.count", "out.data");

        var execution = await df.RunAsync(Create(pipeline), "main");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal(6, await df.Engine.Artifacts.ReadAsync<int>((await df.Engine.Artifacts.FindAsync("test", "count"))!));
    }

    [Fact]
    public async Task Run_AwaitsValueTaskOperation()
    {
        await using var df = TestEngine.Create();
        var pipeline = Pipeline()
            .Op("numbers", "Numbers", ("count", 5))
            .Op("count", "CountValueTask")
            .Output("out", "count")
            .Wire("numbers.values", "count.values")
            .Wire("count.count", "out.data");

        var execution = await df.RunAsync(Create(pipeline), "main");

        Assert.True(execution.Status == ExecutionStatus.Succeeded, execution.Error);
        var artifact = (await df.Engine.Artifacts.FindAsync("test", "count"))!;
        Assert.Equal("System.Int32", artifact.DataType);
        Assert.Equal(5, await df.Engine.Artifacts.ReadAsync<int>(artifact));
    }

    [Fact]
    public async Task Run_Succeeds_WhenAnAsyncOperationHasNoOutputs()
    {
        await using var df = TestEngine.Create();
        var pipeline = Pipeline()
            .Op("numbers", "Numbers", ("count", 2))
            .Op("note", "NoteAsync")
            .Wire("numbers.values", "note.values");

        var execution = await df.RunAsync(Create(pipeline), "main");

        Assert.True(execution.Status == ExecutionStatus.Succeeded, execution.Error);
    }

    [Fact]
    public async Task Run_PassesReferencedArchitectureToOperation()
    {
        await using var df = TestEngine.Create();
        var project = Create(Pipeline().Op("use", "UsesNet").With(n => n.References["net"] = "tiny").Output("out", "name").Wire("use.name", "out.data"));
        project.Architectures.Add(new ArchitectureDefinition { Name = "tiny" });

        var execution = await df.RunAsync(project, "main");

        Assert.True(execution.Status == ExecutionStatus.Succeeded, execution.Error);
        Assert.Equal("tiny", await df.Engine.Artifacts.ReadAsync<string>((await df.Engine.Artifacts.FindAsync("test", "name"))!));
    }
}
