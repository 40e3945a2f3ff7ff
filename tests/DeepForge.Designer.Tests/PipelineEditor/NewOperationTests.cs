using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.PipelineEditor;

/// <summary>"New Operation…" in the add-operation dialog, as the seed's Custom Operations describes it, in Chromium.</summary>
public sealed class NewOperationTests
{
    [Fact]
    public async Task NewOperation_AddsItsNode_AndOpensItInTheOperationEditor_AndThePipelineKnowsItAfterwards()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm/pipelines/download-normalize");

        await page.Locator(".df-add-operation").ClickAsync();
        await page.Locator(".df-new-operation-name input, input.df-new-operation-name").First.FillAsync("not a name");
        await page.Locator(".df-new-operation-create").ClickAsync();
        await Expect(page.Locator(".df-add-dialog")).ToContainTextAsync("'not a name' is not a class name");
        await page.Locator(".df-new-operation-name input, input.df-new-operation-name").First.FillAsync("Scale");
        await page.Locator(".df-new-operation-create").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/projects/fm/operations/Scale"));
        await Expect(page.Locator(".df-op-interface")).ToBeVisibleAsync();
        await site.ShotAsync(page, "pipeline-new-operation-editor");
        Assert.Contains((await site.Engine.Projects.GetAsync("fm")).Sources, s => s.Path == "operations/Scale.cs");

        await page.GoBackAsync();
        await Expect(page.Locator(".df-node[data-node=scale]")).ToBeVisibleAsync();
        await Expect(page.Locator(".df-node[data-node=scale] .df-node-operation")).ToHaveTextAsync("Scale");
        await Expect(page.Locator(".df-node[data-node=scale] .df-port-row")).Not.ToHaveCountAsync(0);
        await site.ShotAsync(page, "pipeline-new-operation-node");
    }

    [Fact]
    public async Task ProblemsPanel_NamesWhatStopsARun_AndSaysReady_OnceFixed()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm/pipelines/download-normalize");
        await Expect(page.Locator(".df-ready")).ToBeVisibleAsync();

        await page.Locator(".df-node[data-node='classes'] .df-node-title").ClickAsync();
        await page.Locator(".df-node-panel .df-output-name").FillAsync("");
        await page.Locator(".df-node-panel .df-output-name").PressAsync("Tab");

        await Expect(page.Locator(".df-problems")).ToContainTextAsync("1 problem");
        await page.Locator(".df-problems summary").ClickAsync();
        await Expect(page.Locator(".df-problems")).ToContainTextAsync("Output node 'classes' names no artifact");
        await Expect(page.Locator(".df-node[data-node='classes']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("df-node-problem"));
        await site.ShotAsync(page, "pipeline-problems");

        await page.Locator(".df-node-panel .df-output-name").FillAsync("classes");
        await page.Locator(".df-node-panel .df-output-name").PressAsync("Tab");
        await Expect(page.Locator(".df-ready")).ToBeVisibleAsync();
    }
}
