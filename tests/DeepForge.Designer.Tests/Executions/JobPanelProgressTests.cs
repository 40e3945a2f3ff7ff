using Bunit;
using DeepForge.Designer.Executions;
using DeepForge.Feedback;
using DeepForge.Models;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace DeepForge.Designer.Tests.Executions;

/// <summary>A running node's panel shows the progress its operation last reported with <c>context.Progress</c>.</summary>
public sealed class JobPanelProgressTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public JobPanelProgressTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddRadzenComponents();
    }

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void A_running_node_shows_a_progress_bar_with_its_last_report()
    {
        var panel = Render(NodeStatus.Running, ProgressReport.Event(30, 120, "epoch 1/2 loss 0.4321"), ProgressReport.Event(60, 120, "epoch 1/2 loss 0.3210"));

        Assert.Equal("60/120 epoch 1/2 loss 0.3210", panel.Find(".df-job-progress-text").TextContent.Trim());
        Assert.Contains("50%", panel.Find(".df-job-progress").OuterHtml);
    }

    [Fact]
    public void A_finished_node_shows_no_progress_bar()
    {
        var panel = Render(NodeStatus.Succeeded, ProgressReport.Event(120, 120, null));

        Assert.Empty(panel.FindAll(".df-job-progress"));
    }

    private IRenderedComponent<JobPanel> Render(NodeStatus status, params FeedbackEvent[] events)
    {
        var tail = new NodeTail("e1", "train");
        foreach (var e in events) tail.Feedback.Apply(e);
        var node = new PipelineNode { Id = "train", Operation = "Train" };
        var record = new NodeRecord { ExecutionId = "e1", NodeId = "train", Status = status };
        return _context.Render<JobPanel>(p => p.Add(x => x.Node, node).Add(x => x.Record, record).Add(x => x.Tail, tail));
    }
}
