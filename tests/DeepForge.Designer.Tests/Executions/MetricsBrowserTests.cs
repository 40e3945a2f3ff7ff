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
        await Assertions.Expect(page.Locator($"{Table} tr[data-metric='accuracy'] .df-metric-value")).ToHaveTextAsync("94.25 %");
        await Assertions.Expect(page.Locator($"{Table} tr[data-metric='accuracy/Trouser'] .df-metric-value")).ToHaveTextAsync("97.5 %");
        await Assertions.Expect(page.Locator(".df-metrics-chart[data-title='accuracy'] svg path").First).ToBeAttachedAsync();
        await ExpectClassesInTheDatasetsOrderAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("metrics-01-table-and-chart.png"), FullPage = true });

        var second = await starter.StartAsync(LiveProject.Name, LiveProject.Pipeline, new RunOptions());
        await page.GotoAsync($"{site.Url}/executions/{second.Id}");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");
        await Assertions.Expect(page.Locator($"{Table} tr[data-metric='accuracy'] .df-metric-value")).ToHaveTextAsync("94.25 %");
        await ExpectClassesInTheDatasetsOrderAsync(page); // the cached node shows the reused run's, the same way
        await page.Locator($".df-job-tab[data-node={LiveProject.Evaluate}]").ClickAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("metrics-02-cached.png"), FullPage = true });
        await page.Locator($".df-job[data-node={LiveProject.Evaluate}] .df-job-reused").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync($"{site.Url}/executions/{first.Id}");
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task Compare_shows_the_attributes_that_differ_and_the_metrics_side_by_side()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        await site.Engine.Projects.SaveAsync(LiveProject.Create(steps: 2));
        var starter = site.Services.GetRequiredService<ExecutionStarter>();
        var first = await starter.StartAsync(LiveProject.Name, LiveProject.Pipeline, new RunOptions());
        await PipelineEditor.Eventually.TrueAsync(async () => (await site.Engine.Executions.GetAsync(first.Id)).Status == Models.ExecutionStatus.Succeeded);
        var options = new RunOptions();
        options.Attributes[LiveProject.Node] = new() { ["steps"] = System.Text.Json.JsonSerializer.SerializeToElement(3) };
        var second = await starter.StartAsync(LiveProject.Name, LiveProject.Pipeline, options);
        var page = await site.NewPageAsync(1400, 1000);

        await page.GotoAsync($"{site.Url}/executions/{second.Id}");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");
        await page.Locator(".df-compare").ClickAsync();
        await page.Locator(".rz-dropdown-item", new PageLocatorOptions { HasText = first.Id }).ClickAsync();

        var steps = page.Locator($".df-attribute-differences tr[data-node='{LiveProject.Node}'][data-attribute='steps']");
        await Assertions.Expect(steps.Locator(".df-side-a")).ToHaveTextAsync("3");
        await Assertions.Expect(steps.Locator(".df-side-b")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator(".df-attribute-differences tr")).ToHaveCountAsync(2); // the header and steps
        var accuracy = page.Locator(".df-compare-metrics tr[data-metric='accuracy']");
        await Assertions.Expect(accuracy.Locator(".df-side-a")).ToHaveTextAsync("94.25 %");
        await Assertions.Expect(accuracy.Locator(".df-side-b")).ToHaveTextAsync("94.25 %");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("metrics-03-compare.png"), FullPage = true });
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task Execute_without_cache_in_the_pipeline_editor_runs_every_operation_again()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        await site.Engine.Projects.SaveAsync(LiveProject.Create(steps: 2));
        var first = await site.Services.GetRequiredService<ExecutionStarter>().StartAsync(LiveProject.Name, LiveProject.Pipeline, new RunOptions());
        var page = await site.NewPageAsync(1400, 1000);
        await page.GotoAsync($"{site.Url}/executions/{first.Id}");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");

        await page.Locator(".rz-breadcrumb a", new PageLocatorOptions { HasText = LiveProject.Pipeline }).ClickAsync();
        await page.Locator(".df-execute-no-cache").ClickAsync();

        await PipelineEditor.Eventually.TrueAsync(async () => (await site.Engine.Executions.ListAsync(LiveProject.Name)) is [{ Status: Models.ExecutionStatus.Succeeded }, _]);
        var second = (await site.Engine.Executions.ListAsync(LiveProject.Name))[0];
        var train = (await site.Engine.Executions.NodesAsync(second.Id)).Single(n => n.NodeId == LiveProject.Node);
        Assert.False(second.UseCache);
        Assert.Equal((false, "cache turned off for this run"), (train.FromCache, train.CacheMissReason));
        Assert.Empty(site.Errors);
    }

    // Evaluate reports its classes as Fashion-MNIST orders them, which is not alphabetical: the table, the chart's data
    // and the chart's drawn axis keep that order, with the class names (not indices) and values in percent.
    private static async Task ExpectClassesInTheDatasetsOrderAsync(IPage page)
    {
        string[] classes = ["T-shirt/top", "Trouser", "Pullover"];
        var rows = page.Locator($"{Table} tr[data-metric^='accuracy/']");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        Assert.Equal(classes.Select(c => "accuracy/" + c), await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.metric)"));
        await Assertions.Expect(page.Locator($"{Table} tr[data-metric='accuracy/Pullover'] .df-metric-value")).ToHaveTextAsync("88.3 %");
        var chart = page.Locator(".df-metrics-chart[data-title='accuracy']");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-labels", string.Join("|", classes));
        await Assertions.Expect(chart.Locator("svg text", new() { HasText = "Pullover" })).ToBeAttachedAsync();
        var drawn = (await chart.Locator("svg text").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(classes, drawn.Where(classes.Contains)); // every class drawn, in full, in that order
        Assert.Contains(drawn, t => t.EndsWith(" %", StringComparison.Ordinal)); // the value axis in percent too
        // Readable: no class name drawn over the next one.
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var name in classes) boxes.Add((await chart.Locator("svg text", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(name)}\\s*$") }).First.BoundingBoxAsync())!);
        for (var i = 1; i < boxes.Count; i++) Assert.True(boxes[i - 1].X + boxes[i - 1].Width <= boxes[i].X + 0.5, $"'{classes[i - 1]}' overlaps '{classes[i]}'");
    }
}
