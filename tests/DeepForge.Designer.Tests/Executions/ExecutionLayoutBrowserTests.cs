using System.Text.RegularExpressions;
using DeepForge.Designer.Runs;
using DeepForge.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.Executions;

/// <summary>The execution page on a 1400×900 screen in Chromium: what people come for is seen without scrolling.</summary>
public sealed class ExecutionLayoutBrowserTests
{
    private const string Chart = $".df-chart[data-title='{LiveProject.Graph}']";

    [Fact]
    public async Task RunningTrainingChart_IsAboveTheFold()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        var release = Path.Combine(site.Directory, "release");
        await site.Engine.Projects.SaveAsync(LiveProject.Create(steps: 6, release: release));
        var run = await site.Services.GetRequiredService<ExecutionStarter>().StartAsync(LiveProject.Name, LiveProject.Pipeline, new RunOptions { UseCache = false });
        var page = await site.OpenAsync($"/executions/{run.Id}");

        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Running");
        await Assertions.Expect(page.Locator($"{Chart} svg path").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(Chart)).ToBeInViewportAsync(new() { Ratio = 1 });
        Assert.Equal(0, await page.EvaluateAsync<double>("window.scrollY"));
        await site.ShotAsync(page, "exec-layout-running-chart");
        await File.WriteAllTextAsync(release, "go");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");
    }

    [Fact]
    public async Task MetricsAndTheTrainingChart_AreAboveTheFold_AfterTheRun()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        await site.Engine.Projects.SaveAsync(LiveProject.Create(steps: 6));
        var run = await site.Services.GetRequiredService<ExecutionStarter>().StartAsync(LiveProject.Name, LiveProject.Pipeline, new RunOptions { UseCache = false });
        var page = await site.OpenAsync($"/executions/{run.Id}");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");

        var tab = page.Locator($".df-job-tab[data-node={LiveProject.Node}]");
        await Assertions.Expect(tab).ToBeInViewportAsync(new() { Ratio = 1 });
        await tab.ClickAsync();

        await Assertions.Expect(page.Locator($"{Chart} svg path").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(Chart)).ToBeInViewportAsync(new() { Ratio = 1 });
        await Assertions.Expect(page.Locator(".df-metrics-table")).ToBeInViewportAsync(new() { Ratio = 1 });
        Assert.Equal(0, await page.EvaluateAsync<double>("window.scrollY"));
        await site.ShotAsync(page, "exec-layout-finished");
    }

    [Fact]
    public async Task ChartAxisLabels_ShowNoFloatNoise()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        await site.Engine.Projects.SaveAsync(LiveProject.Create(steps: 6));
        var run = await site.Services.GetRequiredService<ExecutionStarter>().StartAsync(LiveProject.Name, LiveProject.Pipeline, new RunOptions { UseCache = false });
        var page = await site.OpenAsync($"/executions/{run.Id}");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");
        await page.Locator($".df-job-tab[data-node={LiveProject.Node}]").ClickAsync();
        var ticks = page.Locator($"{Chart} svg .rz-tick-text, {Chart} svg text");
        await Assertions.Expect(ticks.First).ToBeAttachedAsync();

        var labels = await ticks.AllTextContentsAsync();

        // The error line runs 1, 1/2 … 1/6; AxisFormatTests holds the float noise itself (0.6000000000000001 and the like).
        Assert.Contains(labels, l => Regex.IsMatch(l.Trim(), @"^0\.\d$"));
        Assert.DoesNotContain(labels, l => Regex.IsMatch(l, @"\d\.\d{7,}"));
        await site.ShotAsync(page, "exec-layout-axis-labels");
    }
}
