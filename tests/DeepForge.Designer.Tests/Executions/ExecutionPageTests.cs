using Bunit;
using DeepForge.Designer.Executions;
using DeepForge.Models;
using DeepForge.Runtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Radzen.Blazor;

namespace DeepForge.Designer.Tests.Executions;

public sealed class ExecutionPageTests : IAsyncLifetime
{
    private readonly TestEngine _host = new(TestSeeds.None, executions: true);
    private readonly BunitContext _context;

    public ExecutionPageTests() => _context = _host.NewBunitContext();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Shows_each_nodes_status_on_the_pipeline_graph_when_the_run_has_succeeded()
    {
        var execution = await RunToEndAsync();

        var page = Render(execution.Id);

        page.WaitForAssertion(() =>
        {
            Assert.Equal("Succeeded", page.Find(".df-execution-status").TextContent.Trim());
            Assert.Contains("df-status-succeeded", page.Find($".df-node[data-node={LiveProject.Node}]").ClassName);
        });
    }

    [Fact]
    public async Task Shows_a_running_node_as_running_then_as_succeeded_once_released()
    {
        var release = _host.PathOf("release");
        var execution = await StartAsync(release);
        var page = Render(execution.Id);
        page.WaitForAssertion(() => Assert.Contains("df-status-running", page.Find($".df-node[data-node={LiveProject.Node}]").ClassName), TimeSpan.FromSeconds(60));

        await File.WriteAllTextAsync(release, "go");

        page.WaitForAssertion(() =>
        {
            Assert.Contains("df-status-succeeded", page.Find($".df-node[data-node={LiveProject.Node}]").ClassName);
            Assert.Equal("Succeeded", page.Find(".df-execution-status").TextContent.Trim());
        }, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Chart_has_every_point_the_operation_drew_with_its_axis_labels()
    {
        var execution = await RunToEndAsync(steps: 5);

        var page = Render(execution.Id);

        page.WaitForAssertion(() =>
        {
            var chart = page.Find($".df-chart[data-title='{LiveProject.Graph}']");
            Assert.Equal("5", chart.GetAttribute("data-points"));
            Assert.Contains("step", chart.TextContent);
            Assert.Contains("error", chart.TextContent);
            Assert.Contains("train", chart.TextContent);
        });
        var series = page.FindComponent<RadzenLineSeries<ChartPoint>>().Instance;
        Assert.Equal([1.0, 0.5, 1.0 / 3, 0.25, 0.2], series.Data!.Select(p => p.Y));
    }

    [Fact]
    public async Task Chart_gains_points_while_the_operation_runs()
    {
        var release = _host.PathOf("release");
        var execution = await StartAsync(release);
        var page = Render(execution.Id);
        var first = 0;
        page.WaitForAssertion(() => Assert.True((first = Points(page)) > 0, "no points yet"), TimeSpan.FromSeconds(60));

        page.WaitForAssertion(() => Assert.True(Points(page) > first, $"still {first} points"), TimeSpan.FromSeconds(60));
        Assert.Equal(ExecutionStatus.Running, (await _host.Engine.Executions.GetAsync(execution.Id)).Status);
        await File.WriteAllTextAsync(release, "go");
    }

    [Fact]
    public async Task Shows_the_image_with_its_title()
    {
        var execution = await RunToEndAsync();

        var page = Render(execution.Id);

        page.WaitForAssertion(() =>
        {
            var image = page.Find(".df-feedback-image");
            Assert.StartsWith("data:image/png;base64,", image.GetAttribute("src"));
            Assert.Equal("first batch", page.Find(".df-feedback-caption").TextContent.Trim());
        });
    }

    [Fact]
    public async Task Shows_the_log_the_job_wrote()
    {
        var execution = await RunToEndAsync(steps: 2);

        var page = Render(execution.Id);

        page.WaitForAssertion(() => Assert.Contains("step 1: error 0.500", page.Find($".df-job[data-node={LiveProject.Node}] .df-job-log").TextContent));
    }

    [Fact]
    public async Task Selecting_a_node_on_the_graph_shows_that_jobs_console_output()
    {
        var execution = await RunToEndAsync(steps: 2);
        var page = Render(execution.Id);
        page.WaitForAssertion(() => Assert.NotNull(page.Find($".df-job[data-node={LiveProject.Node}]")));

        page.Find($".df-node[data-node={LiveProject.Evaluate}]").ParentElement!.PointerDown(new PointerEventArgs { Button = 0 });

        page.WaitForAssertion(() =>
        {
            var log = page.Find($".df-job[data-node={LiveProject.Evaluate}] .df-job-log").TextContent;
            Assert.Contains("accuracy of class 0 (T-shirt): 91.0%", log);
            Assert.Contains("accuracy of class 1 (Trouser): 97.5%", log);
        });
        Assert.Empty(page.FindAll($".df-job[data-node={LiveProject.Node}]"));
    }

    [Fact]
    public async Task Choosing_a_jobs_tab_shows_that_jobs_console_output()
    {
        var execution = await RunToEndAsync(steps: 2);
        var page = Render(execution.Id);
        page.WaitForAssertion(() => Assert.NotNull(page.Find($".df-job[data-node={LiveProject.Node}]")));

        page.Find($".df-jobs button[role=tab][data-node={LiveProject.Evaluate}]").Click();

        page.WaitForAssertion(() => Assert.Contains("accuracy of class 1 (Trouser): 97.5%", page.Find($".df-job[data-node={LiveProject.Evaluate}] .df-job-log").TextContent));
    }

    [Fact]
    public async Task Cancel_stops_a_running_execution()
    {
        var execution = await StartAsync(_host.PathOf("never"));
        var page = Render(execution.Id);
        page.WaitForAssertion(() => Assert.True(Points(page) > 0), TimeSpan.FromSeconds(60));

        page.Find(".df-cancel").Click();

        page.WaitForAssertion(() => Assert.Equal("Cancelled", page.Find(".df-execution-status").TextContent.Trim()), TimeSpan.FromSeconds(60));
        Assert.Equal(ExecutionStatus.Cancelled, (await _host.Engine.Executions.GetAsync(execution.Id)).Status);
        Assert.Equal(NodeStatus.Cancelled, (await _host.Engine.Executions.NodesAsync(execution.Id)).Single(n => n.NodeId == LiveProject.Node).Status);
        Assert.Empty(page.FindAll(".df-cancel"));
    }

    [Fact]
    public async Task Rerun_starts_a_new_execution_with_the_same_options_and_opens_it()
    {
        var options = new RunOptions { UseCache = false };
        options.Attributes[LiveProject.Node] = new() { ["steps"] = System.Text.Json.JsonSerializer.SerializeToElement(3) };
        var first = await RunToEndAsync(options: options);
        var page = Render(first.Id);
        page.WaitForAssertion(() => Assert.Equal("Succeeded", page.Find(".df-execution-status").TextContent.Trim()));

        page.Find(".df-rerun").Click();

        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches("/executions/[^/]+$", navigation.Uri));
        var id = navigation.Uri[(navigation.Uri.LastIndexOf('/') + 1)..];
        Assert.NotEqual(first.Id, id);
        var again = await _host.Engine.Executions.GetAsync(id);
        Assert.Equal(3, again.Pipeline.FindNode(LiveProject.Node)!.Attributes["steps"].GetInt32());
        Assert.False(again.UseCache);
        Assert.Equal(2, (await _host.Engine.Executions.ListAsync(LiveProject.Name)).Count);
        await WaitEndedAsync(id);
    }

    [Fact]
    public async Task Delete_is_refused_with_the_reason_while_running()
    {
        var release = _host.PathOf("release");
        var execution = await StartAsync(release);
        var page = Render(execution.Id);
        page.WaitForAssertion(() => Assert.Equal("Running", page.Find(".df-execution-status").TextContent.Trim()), TimeSpan.FromSeconds(60));

        page.Find(".df-delete").Click();

        page.WaitForAssertion(() => Assert.Contains("is running: cancel it before deleting it", page.Find(".df-action-problem").TextContent));
        Assert.Equal(execution.Id, (await _host.Engine.Executions.GetAsync(execution.Id)).Id);
        await File.WriteAllTextAsync(release, "go");
        await WaitEndedAsync(execution.Id);
    }

    [Fact]
    public async Task Delete_after_the_end_asks_first_then_removes_the_execution_and_returns_to_the_pipeline()
    {
        var execution = await RunToEndAsync();
        var page = _context.Render(builder =>
        {
            builder.OpenComponent<RadzenComponents>(0);
            builder.CloseComponent();
            builder.OpenComponent<ExecutionPage>(1);
            builder.AddAttribute(2, nameof(ExecutionPage.Id), execution.Id);
            builder.CloseComponent();
        });
        page.WaitForAssertion(() => Assert.Equal("Succeeded", page.Find(".df-execution-status").TextContent.Trim()));

        page.Find(".df-delete").Click();
        page.WaitForAssertion(() => Assert.Contains($"Delete execution {execution.Id}?", page.Find(".rz-dialog").TextContent));
        Assert.Single(await _host.Engine.Executions.ListAsync(LiveProject.Name));
        page.FindAll(".rz-dialog button").Single(b => b.TextContent.Contains("Delete")).Click();

        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/projects/{LiveProject.Name}/pipelines/{LiveProject.Pipeline}", navigation.Uri));
        Assert.Empty(await _host.Engine.Executions.ListAsync(LiveProject.Name));
    }

    [Fact]
    public async Task Compare_menu_offers_the_other_executions_of_the_pipeline()
    {
        var first = await RunToEndAsync();
        var second = await RunToEndAsync();

        var page = Render(second.Id);

        page.WaitForAssertion(() => Assert.Contains(first.Id, page.Find(".df-compare").InnerHtml));
        Assert.DoesNotContain($"{second.Id} ·", page.Find(".df-compare").InnerHtml);
    }

    private IRenderedComponent<ExecutionPage> Render(string id) => _context.Render<ExecutionPage>(p => p.Add(x => x.Id, id));

    private static int Points(IRenderedComponent<ExecutionPage> page) =>
        page.FindAll($".df-chart[data-title='{LiveProject.Graph}']") is { Count: 1 } charts ? int.Parse(charts[0].GetAttribute("data-points")!) : 0;

    private async Task<ExecutionRecord> RunToEndAsync(int steps = 4, RunOptions? options = null)
    {
        await LiveProject.SaveAsync(_host.Engine, steps);
        var execution = await _host.Engine.Executions.RunAsync(LiveProject.Name, LiveProject.Pipeline, options);
        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"the run ended {execution.Status}: {execution.Error}");
        return execution;
    }

    private async Task<ExecutionRecord> StartAsync(string release)
    {
        await LiveProject.SaveAsync(_host.Engine, steps: 1, release: release);
        return await _host.Starter.StartAsync(LiveProject.Name, LiveProject.Pipeline);
    }

    private async Task WaitEndedAsync(string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await _host.Engine.Executions.GetAsync(id)).Status is ExecutionStatus.Pending or ExecutionStatus.Running)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"execution {id} did not end");
            await Task.Delay(50);
        }
    }
}
