using DeepForge.Designer.Runs;
using DeepForge.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.Executions;

/// <summary>Metrics on the execution page in Debian's Chromium: screenshots metrics-*.png in the test output's screenshots/.</summary>
public sealed class MetricsBrowserTests
{
    private const string Table = ".df-metrics-table";

    [Fact]
    public async Task Metrics_show_as_a_table_and_a_per_class_chart_and_a_cached_run_links_to_the_run_it_reused()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        await site.Engine.Projects.SaveAsync(LiveProject.Create(steps: 2));
        var starter = site.Services.GetRequiredService<ExecutionStarter>();
        var first = await starter.StartAsync(LiveProject.Name, LiveProject.Pipeline, new RunOptions());
        var page = await site.NewPageAsync(1400, 1000);

        await page.GotoAsync($"{site.Url}/executions/{first.Id}");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");
        await Assertions.Expect(page.Locator($"{Table} tr[data-metric='accuracy'] .df-metric-value")).ToHaveTextAsync("0.9425");
        await Assertions.Expect(page.Locator($"{Table} tr[data-metric='accuracy/Trouser'] .df-metric-value")).ToHaveTextAsync("0.975");
        await Assertions.Expect(page.Locator(".df-metrics-chart[data-title='accuracy']")).ToHaveAttributeAsync("data-bars", "2");
        await Assertions.Expect(page.Locator(".df-metrics-chart[data-title='accuracy'] svg path").First).ToBeAttachedAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("metrics-01-table-and-chart.png"), FullPage = true });

        var second = await starter.StartAsync(LiveProject.Name, LiveProject.Pipeline, new RunOptions());
        await page.GotoAsync($"{site.Url}/executions/{second.Id}");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");
        await Assertions.Expect(page.Locator($"{Table} tr[data-metric='accuracy'] .df-metric-value")).ToHaveTextAsync("0.9425");
        await page.Locator($".df-job-tab[data-node={LiveProject.Evaluate}]").ClickAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("metrics-02-cached.png"), FullPage = true });
        await page.Locator($".df-job[data-node={LiveProject.Evaluate}] .df-job-reused").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync($"{site.Url}/executions/{first.Id}");
        Assert.Empty(site.Errors);
    }
}
