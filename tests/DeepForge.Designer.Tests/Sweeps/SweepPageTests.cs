using System.Text.Json;
using DeepForge.Models;
using DeepForge.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.Sweeps;

/// <summary>The sweep page in Debian's Chromium, reached from the project page: screenshots sweep-*.png in the test output's screenshots/.</summary>
public sealed class SweepPageTests
{
    private const string Project = "sweeps";
    private const string Table = ".df-sweep-table";

    private const string Source = """
        namespace SweepOps;

        [Operation(Category = "Test")]
        public sealed class Score(double accuracy = 0.5) : Operation
        {
            public void Execute(OperationContext context) => context.Metric("accuracy", accuracy);
        }
        """;

    [Fact]
    public async Task Sweep_page_is_reached_from_the_project_page_and_shows_the_runs_best_first_sortable_with_a_chart()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        var sweep = await RunSweepAsync(site, "0.6", "0.9", "0.7");
        var page = await site.NewPageAsync(1400, 1000);

        await page.GotoAsync($"{site.Url}/projects/{Project}");
        await page.Locator(".df-sweep-link").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync($"{site.Url}/projects/{Project}/sweeps/{sweep.Id}");
        await Assertions.Expect(page.Locator($"{Table} tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator($"{Table} tr.df-sweep-best td[data-column='score.accuracy']")).ToHaveTextAsync("0.9");
        await Assertions.Expect(page.Locator($"{Table} tbody tr td[data-column='score.accuracy']")).ToHaveTextAsync(["0.9", "0.7", "0.6"]);
        await Assertions.Expect(page.Locator(".df-sweep-chart svg path").First).ToBeAttachedAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("sweep-01-table-and-chart.png"), FullPage = true });
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task Clicking_a_column_sorts_the_runs_by_it_and_a_second_click_reverses()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        var sweep = await RunSweepAsync(site, "0.6", "0.9", "0.7");
        var page = await site.NewPageAsync(1400, 1000);
        await page.GotoAsync($"{site.Url}/projects/{Project}/sweeps/{sweep.Id}");
        var accuracy = page.Locator($"{Table} tbody tr td[data-metric='accuracy']");
        var sort = page.Locator($"{Table} .df-sort[data-column='m:accuracy']");

        await sort.ClickAsync();
        await Assertions.Expect(accuracy).ToHaveTextAsync(["0.6", "0.7", "0.9"]);
        await sort.ClickAsync();

        await Assertions.Expect(accuracy).ToHaveTextAsync(["0.9", "0.7", "0.6"]);
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task A_run_links_to_its_execution()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        var sweep = await RunSweepAsync(site, "0.6", "0.9");
        var page = await site.NewPageAsync(1400, 1000);
        await page.GotoAsync($"{site.Url}/projects/{Project}/sweeps/{sweep.Id}");
        var best = page.Locator($"{Table} tr.df-sweep-best");
        var id = await best.GetAttributeAsync("data-execution");

        await best.Locator(".df-sweep-run").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync($"{site.Url}/executions/{id}");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");
        Assert.Empty(site.Errors);
    }

    private static async Task<SweepRecord> RunSweepAsync(DesignerSite site, params string[] accuracies)
    {
        await site.Engine.Projects.SaveAsync(new ProjectDefinition
        {
            Name = Project,
            Sources = [new SourceFile("ops/Score.cs", Source)],
            Pipelines = [new PipelineDefinition { Name = "score", Nodes = [new PipelineNode { Id = "score", Kind = NodeKind.Operation, Operation = "Score", Position = new NodePosition(40, 60) }] }],
        });
        var sweeps = site.Services.GetRequiredService<SweepService>();
        var request = new SweepRequest { Pipeline = "score", Metric = "accuracy", Parallel = 2 };
        request.Parameters.Add(new SweepParameter { Node = "score", Attribute = "accuracy", Values = accuracies.Select(a => JsonDocument.Parse(a).RootElement.Clone()).ToList() });
        var sweep = await sweeps.CreateAsync(Project, request);
        await sweeps.RunAsync(sweep, (id, ct) => site.Engine.Executions.ResumeAsync(id, null, ct));
        return sweep;
    }
}
