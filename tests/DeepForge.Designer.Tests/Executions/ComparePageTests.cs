using Bunit;
using DeepForge.Designer.Executions;
using DeepForge.Models;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Radzen.Blazor;

namespace DeepForge.Designer.Tests.Executions;

public sealed class ComparePageTests : IAsyncLifetime
{
    private readonly TestEngine _host = new(TestSeeds.None, executions: true);
    private readonly BunitContext _context;

    public ComparePageTests() => _context = _host.NewBunitContext();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Puts_the_graphs_of_the_same_title_from_both_executions_on_one_chart()
    {
        var a = await RunToEndAsync(steps: 3);
        var b = await RunToEndAsync(steps: 5);

        var page = RenderCompare(a.Id, b.Id);

        page.WaitForAssertion(() =>
        {
            var chart = Assert.Single(page.FindAll(".df-chart"));
            Assert.Equal(LiveProject.Graph, chart.GetAttribute("data-title"));
            Assert.Equal("8", chart.GetAttribute("data-points"));
        });
        var series = page.FindComponents<RadzenLineSeries<ChartPoint>>().Select(s => s.Instance).ToList();
        Assert.Equal([$"train ({a.Id[^6..]})", $"train ({b.Id[^6..]})"], series.Select(s => s.Title));
        Assert.Equal([3, 5], series.Select(s => s.Data!.Count()));
    }

    [Fact]
    public async Task Says_what_is_wrong_when_an_execution_does_not_exist()
    {
        var a = await RunToEndAsync();

        var page = RenderCompare(a.Id, "no-such-run");

        page.WaitForAssertion(() => Assert.Contains("there is no execution 'no-such-run'", page.Find(".df-page-problem").TextContent));
    }

    [Fact]
    public async Task Choosing_an_execution_in_the_compare_menu_opens_the_comparison()
    {
        var a = await RunToEndAsync();
        var b = await RunToEndAsync();
        var page = _context.Render<ExecutionPage>(p => p.Add(x => x.Id, b.Id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find(".df-compare")));

        await page.InvokeAsync(() => page.FindComponent<RadzenDropDown<string>>().Instance.Change.InvokeAsync(a.Id));

        var navigation = _context.Services.GetRequiredService<NavigationManager>();
        Assert.EndsWith($"/executions/compare?a={b.Id}&b={a.Id}", navigation.Uri);
    }

    private IRenderedComponent<ComparePage> RenderCompare(string a, string b)
    {
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo(ExecutionPaths.Compare(a, b));
        return _context.Render<ComparePage>();
    }

    private async Task<ExecutionRecord> RunToEndAsync(int steps = 4)
    {
        await LiveProject.SaveAsync(_host.Engine, steps);
        var execution = await _host.Engine.Executions.RunAsync(LiveProject.Name, LiveProject.Pipeline);
        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"the run ended {execution.Status}: {execution.Error}");
        return execution;
    }
}
