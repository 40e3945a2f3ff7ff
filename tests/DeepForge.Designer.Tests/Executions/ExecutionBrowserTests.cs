using System.Text.RegularExpressions;
using DeepForge.Designer.Runs;
using DeepForge.Models;
using DeepForge.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.Executions;

/// <summary>An execution watched in Debian's Chromium on a real server: screenshots exec-*.png in the test output's screenshots/.</summary>
public sealed class ExecutionBrowserTests
{
    private const string Chart = $".df-chart[data-title='{LiveProject.Graph}']";

    [Fact]
    public async Task Training_chart_gains_points_while_the_run_goes_on_then_reruns_compares_and_deletes()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        var url = site.Url;
        var engine = site.Engine;
        var release = Path.Combine(site.Directory, "release");
        await engine.Projects.SaveAsync(LiveProject.Create(steps: 1, release: release));
        var first = await site.Services.GetRequiredService<ExecutionStarter>().StartAsync(LiveProject.Name, LiveProject.Pipeline, new RunOptions { UseCache = false });
        var page = await site.NewPageAsync(1400, 1000);
        var errors = site.Errors;

        await page.GotoAsync($"{url}/executions/{first.Id}");
        await Assertions.Expect(page.Locator(".df-body[data-interactive=yes]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Running");
        await Assertions.Expect(page.Locator($".df-node[data-node={LiveProject.Node}]")).ToHaveClassAsync(new Regex("df-status-running"));
        var before = await PointsAsync(page, atLeast: 1);
        await Assertions.Expect(page.Locator($"{Chart} svg path").First).ToBeAttachedAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("exec-01-running.png"), FullPage = true });
        var after = await PointsAsync(page, atLeast: before + 1);
        Assert.True(after > before, $"the chart had {before} points, then {after}");
        Assert.Equal(ExecutionStatus.Running, (await engine.Executions.GetAsync(first.Id)).Status);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("exec-02-more-points.png"), FullPage = true });

        await File.WriteAllTextAsync(release, "go");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");
        await page.Locator($".df-node[data-node={LiveProject.Evaluate}]").ClickAsync();
        await Assertions.Expect(page.Locator(".df-job-log")).ToContainTextAsync("accuracy of class 1 (Trouser): 97.5%");
        await page.Locator($".df-job-tab[data-node={LiveProject.Node}]").ClickAsync();
        await Assertions.Expect(page.Locator(".df-feedback-image")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".df-cancel")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("exec-03-succeeded.png"), FullPage = true });

        await page.Locator(".df-rerun").ClickAsync();
        // Blazor navigates inside the document: the address is polled rather than waited for as a page load.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/executions/(?!{first.Id})[^/?]+$"));
        var second = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");

        await page.Locator(".df-compare").ClickAsync();
        await page.Locator(".rz-dropdown-item", new PageLocatorOptions { HasText = first.Id }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"/executions/compare\?a={second}&b={first.Id}$"));
        await Assertions.Expect(page.Locator(Chart)).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(Chart)).ToContainTextAsync($"train ({first.Id[^6..]})");
        await Assertions.Expect(page.Locator(Chart)).ToContainTextAsync($"train ({second[^6..]})");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("exec-04-compare.png"), FullPage = true });

        await page.GotoAsync($"{url}/executions/{second}");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");
        await page.Locator(".df-delete").ClickAsync();
        await Assertions.Expect(page.Locator(".rz-dialog")).ToContainTextAsync($"Delete execution {second}?");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("exec-05-delete.png"), Animations = ScreenshotAnimations.Disabled });
        await page.Locator(".rz-dialog button", new PageLocatorOptions { HasText = "Delete" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{url}/projects/{LiveProject.Name}/pipelines/{LiveProject.Pipeline}");
        Assert.Equal([first.Id], (await engine.Executions.ListAsync(LiveProject.Name)).Select(e => e.Id));

        Assert.Empty(errors);
    }

    /// <summary>Waits until the chart shows at least <paramref name="atLeast"/> points and returns how many it shows.</summary>
    private static async Task<int> PointsAsync(IPage page, int atLeast)
    {
        await page.WaitForFunctionAsync($"n => Number(document.querySelector(\"{Chart}\")?.dataset.points ?? 0) >= n", atLeast);
        return int.Parse((await page.Locator(Chart).GetAttributeAsync("data-points"))!);
    }
}
