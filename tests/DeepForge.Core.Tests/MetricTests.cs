using DeepForge.Metrics;
using DeepForge.Operations;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

/// <summary>Metrics an operation reports with <c>context.Metric</c>: stored with its job, read back per node.</summary>
public sealed class MetricTests
{
    private static Models.PipelineDefinition Scoring(double accuracy = 0.9183) =>
        Pipeline().Op("score", "Score", ("accuracy", accuracy)).Output("out", "accuracy").Wire("score.accuracy", "out.data");

    [Fact]
    public async Task Metrics_AreTheLastValueOfEachName_InTheOrderFirstReported()
    {
        await using var df = TestEngine.Create();
        var execution = await df.RunAsync(Create(Scoring()), "main");

        var metrics = Assert.Single(await df.Engine.Executions.MetricsAsync(execution.Id));

        Assert.Equal(("score", "Score"), (metrics.NodeId, metrics.Operation));
        Assert.Equal(["accuracy", "accuracy/cat", "loss"], metrics.Metrics.Select(m => m.Name));
        Assert.Equal(0.9183, metrics.Metrics[0].Value);
        Assert.Equal(0.75, metrics.Metrics[1].Value);
    }

    [Fact]
    public async Task Metrics_KeepNaN_ReadBackByAnotherEngine()
    {
        await using var df = TestEngine.Create();
        var execution = await df.RunAsync(Create(Scoring()), "main");

        await using var reopened = df.Reopen();
        var loss = (await reopened.Engine.Executions.MetricsAsync(execution.Id)).Single().Metrics.Single(m => m.Name == "loss");

        Assert.True(double.IsNaN(loss.Value));
    }

    [Fact]
    public async Task Metrics_LeaveOutNodesThatReportedNone()
    {
        await using var df = TestEngine.Create();
        var execution = await df.RunAsync(Create(Chain()), "main");

        Assert.Empty(await df.Engine.Executions.MetricsAsync(execution.Id));
    }

    [Fact]
    public async Task CachedNode_ShowsTheMetricsOfTheRunItReused_AndNamesThatRun()
    {
        await using var df = TestEngine.Create();
        var project = Create(Scoring());
        var first = await df.RunAsync(project, "main");

        var second = await df.Engine.Executions.RunAsync(project.Name, "main");
        var node = (await df.Engine.Executions.NodesAsync(second.Id)).Single(n => n.NodeId == "score");

        Assert.True(node.FromCache);
        Assert.Equal((first.Id, "score"), (node.ReusedExecution, node.ReusedNode));
        Assert.Equal(0.9183, (await df.Engine.Executions.MetricsAsync(second.Id)).Single().Metrics[0].Value);
    }

    [Fact]
    public void Metric_IsRefused_WhenItsNameIsBlank()
    {
        var context = OperationContext.Create(new DiscardingSink());

        Assert.Throws<ArgumentException>(() => context.Metric(" ", 1));
    }

    private sealed class DiscardingSink : Feedback.IFeedbackSink
    {
        public void Log(string text) { }
        public void Feedback(Feedback.FeedbackEvent feedbackEvent) { }
    }
}
