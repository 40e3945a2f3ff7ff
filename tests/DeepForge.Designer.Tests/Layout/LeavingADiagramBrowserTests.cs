using DeepForge.Designer.Runs;
using DeepForge.Designer.Tests.Artifacts;
using DeepForge.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using System.Text.RegularExpressions;

namespace DeepForge.Designer.Tests.Layout;

/// <summary>
/// Leaving a page with a diagram while the page still changes, in Chromium: Z.Blazor.Diagrams goes on reporting the
/// diagram's size until the server's "unobserve" reaches the browser, and a report in that window used to reach the
/// disposed diagram and end as an uncaught error in the console (it failed a CI run on the execution page).
/// </summary>
public sealed class LeavingADiagramBrowserTests
{
    [Fact]
    public async Task Leaving_LeavesNoErrorInTheConsole_WhenTheDiagramIsReportedOnBeforeItsLibraryLetsGo()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        await site.Engine.Projects.SaveAsync(ReportProject.Create());
        var run = await site.Services.GetRequiredService<ExecutionStarter>().StartAsync(ReportProject.Name, ReportProject.Pipeline, new RunOptions());
        var page = await site.NewPageAsync(1400, 1000);
        await page.GotoAsync($"{site.Url}/executions/{run.Id}");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");
        // The window made wide: the server's "unobserve" arrives after everything below.
        await page.EvaluateAsync("() => { window.ZBlazorDiagrams.unobserve = () => {}; }");

        await page.Locator(".df-execution-artifact[data-artifact='score'] .df-artifact-view-link").ClickAsync();
        await Assertions.Expect(page.Locator(".df-artifact-view-title")).ToHaveTextAsync("score");
        await page.EvaluateAsync("() => { window.dispatchEvent(new Event('scroll')); document.body.appendChild(document.createElement('div')); }");
        // A click answered by the server comes after the reports' answers on the same connection.
        await page.Locator(".df-artifact-execution").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/executions/{run.Id}$"));
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");

        Assert.Empty(site.Errors);
    }
}
