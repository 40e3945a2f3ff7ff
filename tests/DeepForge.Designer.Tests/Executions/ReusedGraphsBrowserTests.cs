using DeepForge.Designer.Runs;
using DeepForge.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.Executions;

/// <summary>A cached node on the execution page in Debian's Chromium: screenshot reused-graphs.png in the test output's screenshots/.</summary>
public sealed class ReusedGraphsBrowserTests
{
    [Fact]
    public async Task A_cached_node_shows_the_graphs_and_images_of_the_run_whose_outputs_it_reused()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        await site.Engine.Projects.SaveAsync(LiveProject.Create(steps: 3));
        var starter = site.Services.GetRequiredService<ExecutionStarter>();
        var first = await starter.StartAsync(LiveProject.Name, LiveProject.Pipeline, new RunOptions());
        await PipelineEditor.Eventually.TrueAsync(async () => (await site.Engine.Executions.GetAsync(first.Id)).Status == Models.ExecutionStatus.Succeeded);
        var second = await starter.StartAsync(LiveProject.Name, LiveProject.Pipeline, new RunOptions());
        var page = await site.NewPageAsync(1400, 1000);

        await page.GotoAsync($"{site.Url}/executions/{second.Id}");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");
        await page.Locator($".df-job-tab[data-node={LiveProject.Node}]").ClickAsync();

        var job = page.Locator($".df-job[data-node={LiveProject.Node}]");
        await Assertions.Expect(job.Locator(".df-job-status")).ToHaveTextAsync("Cached");
        var reused = job.Locator($".df-reused-feedback[data-execution='{first.Id}']");
        await Assertions.Expect(reused).ToContainTextAsync(first.Id);
        await Assertions.Expect(reused.Locator($".df-chart[data-title='{LiveProject.Graph}']")).ToHaveAttributeAsync("data-points", "3");
        await Assertions.Expect(reused.Locator(".df-feedback-figure[data-title='first batch'] img")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("reused-graphs.png"), FullPage = true });
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task A_node_that_ran_shows_no_graphs_of_another_run()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        await site.Engine.Projects.SaveAsync(LiveProject.Create(steps: 3));
        var run = await site.Services.GetRequiredService<ExecutionStarter>().StartAsync(LiveProject.Name, LiveProject.Pipeline, new RunOptions());
        var page = await site.NewPageAsync(1400, 1000);

        await page.GotoAsync($"{site.Url}/executions/{run.Id}");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");
        await page.Locator($".df-job-tab[data-node={LiveProject.Node}]").ClickAsync();

        var job = page.Locator($".df-job[data-node={LiveProject.Node}]");
        await Assertions.Expect(job.Locator($".df-chart[data-title='{LiveProject.Graph}']")).ToHaveAttributeAsync("data-points", "3");
        await Assertions.Expect(job.Locator(".df-reused-feedback")).ToHaveCountAsync(0);
    }
}
