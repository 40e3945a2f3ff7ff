using DeepForge.Designer.Runs;
using DeepForge.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.Artifacts;

/// <summary>The artifact viewer in Debian's Chromium, reached from the execution page: screenshots viewer-*.png in the test output's screenshots/.</summary>
public sealed class ArtifactViewerBrowserTests
{
    [Fact]
    public async Task A_number_a_dictionary_and_an_image_that_a_run_saved_are_shown_from_the_execution_page()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        await site.Engine.Projects.SaveAsync(ReportProject.Create());
        var run = await site.Services.GetRequiredService<ExecutionStarter>().StartAsync(ReportProject.Name, ReportProject.Pipeline, new RunOptions());
        var page = await site.NewPageAsync(1400, 1000);
        await page.GotoAsync($"{site.Url}/executions/{run.Id}");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");

        await OpenAsync(page, "score");
        await Assertions.Expect(page.Locator(".df-artifact-view[data-kind=scalar] .df-view-scalar")).ToHaveTextAsync("0.9425");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("viewer-01-number.png"), FullPage = true });

        await BackToRunAsync(page, run.Id);
        await OpenAsync(page, "perClass");
        var table = page.Locator(".df-artifact-view[data-kind=table]");
        await Assertions.Expect(table.Locator("tr[data-key='T-shirt'] .df-view-value")).ToHaveTextAsync("0.91");
        await Assertions.Expect(table.Locator("tr[data-key='Trouser'] .df-view-value")).ToHaveTextAsync("0.975");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("viewer-02-dictionary.png"), FullPage = true });

        await BackToRunAsync(page, run.Id);
        await OpenAsync(page, "picture");
        var image = page.Locator(".df-artifact-view[data-kind=image] img.df-view-image");
        await Assertions.Expect(image).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^data:image/png;base64,"));
        // Drawn by the browser, so the bytes are a PNG it could decode: 2 by 2 pixels.
        await Assertions.Expect(image).ToHaveJSPropertyAsync("naturalWidth", 2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("viewer-03-image.png"), FullPage = true });
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task An_operations_output_that_was_not_saved_is_shown_from_its_job_panel()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        await site.Engine.Projects.SaveAsync(Executions.LiveProject.Create(steps: 3));
        var run = await site.Services.GetRequiredService<ExecutionStarter>().StartAsync(Executions.LiveProject.Name, Executions.LiveProject.Pipeline, new RunOptions());
        var page = await site.NewPageAsync(1400, 1000);
        await page.GotoAsync($"{site.Url}/executions/{run.Id}");
        await Assertions.Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");
        await page.Locator($".df-job-tab[data-node={Executions.LiveProject.Node}]").ClickAsync();

        await page.Locator($".df-job[data-node={Executions.LiveProject.Node}] .df-job-output[data-port=error]").ClickAsync();

        await Assertions.Expect(page.Locator(".df-artifact-view-title")).ToHaveTextAsync($"{Executions.LiveProject.Node}.error");
        // Train returns 1 / steps.
        await Assertions.Expect(page.Locator(".df-artifact-view[data-kind=scalar] .df-view-scalar")).ToHaveTextAsync("0.3333333333");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("viewer-04-output.png"), FullPage = true });
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task An_outsider_opening_the_viewer_by_address_sees_not_found_and_no_value()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        await site.Engine.Projects.SaveAsync(ReportProject.Create());
        var run = await site.Services.GetRequiredService<ExecutionStarter>().StartAsync(ReportProject.Name, ReportProject.Pipeline, new RunOptions());
        await PipelineEditor.Eventually.TrueAsync(async () => (await site.Engine.Executions.GetAsync(run.Id)).Status == Models.ExecutionStatus.Succeeded);
        var score = (await site.Engine.Artifacts.FindAsync(ReportProject.Name, "score"))!;
        await site.Services.GetRequiredService<Identity.ProjectAccess>().SetOwnerAsync(ReportProject.Name, "olive", default);
        await site.AddPersonAsync("otto", Identity.PersonRole.Editor);

        var artifact = await site.OpenAsync($"/projects/{ReportProject.Name}/artifacts/{score.Id}", person: "otto");
        await Assertions.Expect(artifact.Locator(".df-page-problem")).ToContainTextAsync($"there is no project '{ReportProject.Name}'");
        var output = await site.OpenAsync($"/executions/{run.Id}/nodes/score/outputs/score", person: "otto");
        await Assertions.Expect(output.Locator(".df-page-problem")).ToContainTextAsync($"there is no execution '{run.Id}'");

        await Assertions.Expect(artifact.Locator(".df-artifact-view")).ToHaveCountAsync(0);
        await Assertions.Expect(output.Locator(".df-artifact-view")).ToHaveCountAsync(0);
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task An_output_the_node_does_not_have_is_named_in_one_line()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        await site.Engine.Projects.SaveAsync(ReportProject.Create());
        var run = await site.Services.GetRequiredService<ExecutionStarter>().StartAsync(ReportProject.Name, ReportProject.Pipeline, new RunOptions());
        await PipelineEditor.Eventually.TrueAsync(async () => (await site.Engine.Executions.GetAsync(run.Id)).Status == Models.ExecutionStatus.Succeeded);

        var page = await site.OpenAsync($"/executions/{run.Id}/nodes/score/outputs/nothing");

        await Assertions.Expect(page.Locator(".df-page-problem")).ToContainTextAsync($"node 'score' of execution '{run.Id}' has no output 'nothing' (yet)");
        Assert.Empty(site.Errors);
    }

    private static async Task OpenAsync(IPage page, string artifact)
    {
        await page.Locator($".df-execution-artifact[data-artifact='{artifact}'] .df-artifact-view-link").ClickAsync();
        await Assertions.Expect(page.Locator(".df-artifact-view-title")).ToHaveTextAsync(artifact);
    }

    private static async Task BackToRunAsync(IPage page, string run)
    {
        await page.Locator(".df-artifact-execution").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/executions/{run}$"));
    }
}
