using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.PipelineEditor;

/// <summary>Execute Pipeline says why it cannot start before anyone clicks it, in Chromium.</summary>
public sealed class ExecuteReadinessBrowserTests
{
    [Fact]
    public async Task Execute_IsDisabledWithTheReason_WhileThePipelineHasAProblem_AndEnabledOnceFixed()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm/pipelines/download-normalize");
        await Expect(page.Locator(".df-execute")).ToBeEnabledAsync();

        await page.Locator(".df-node[data-node='classes'] .df-node-title").ClickAsync();
        await page.Locator(".df-node-panel .df-output-name").FillAsync("");
        await page.Locator(".df-node-panel .df-output-name").PressAsync("Tab");

        await Expect(page.Locator(".df-execute")).ToBeDisabledAsync();
        await Expect(page.Locator(".df-execute-no-cache")).ToBeDisabledAsync();
        await Expect(page.Locator(".df-execute-reason")).ToHaveTextAsync("Fix the problem listed at the top left before running.");
        await Expect(page.Locator(".df-execute")).ToHaveAttributeAsync("title", new Regex("^Fix the problem"));
        await site.ShotAsync(page, "pipeline-execute-disabled");

        await page.Locator(".df-node-panel .df-output-name").FillAsync("classes");
        await page.Locator(".df-node-panel .df-output-name").PressAsync("Tab");
        await Expect(page.Locator(".df-execute")).ToBeEnabledAsync();
        await Expect(page.Locator(".df-execute-reason")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task EmptyPipeline_SaysItHasNothingToRun_AndExecuteIsDisabled()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm");
        await page.Locator(".df-new-pipeline").ClickAsync();
        await page.Locator(".df-new-pipeline-name input, input.df-new-pipeline-name").First.FillAsync("empty");
        await page.Locator(".df-new-pipeline-create").ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url + "/projects/fm/pipelines/empty");

        await Expect(page.Locator(".df-nothing-to-run")).ToContainTextAsync("Nothing to run yet");
        await Expect(page.Locator(".df-ready")).ToHaveCountAsync(0);
        await Expect(page.Locator(".df-execute")).ToBeDisabledAsync();
        await Expect(page.Locator(".df-execute-reason")).ToHaveTextAsync("Nothing to run yet: add an operation first.");
        await site.ShotAsync(page, "pipeline-empty-nothing-to-run");
    }
}
