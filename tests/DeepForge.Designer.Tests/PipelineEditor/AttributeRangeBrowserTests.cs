using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.PipelineEditor;

/// <summary>An attribute outside the range its operation declares, in Chromium: the editor names it as what stops a run, and the field shows the range.</summary>
public sealed class AttributeRangeBrowserTests
{
    [Fact]
    public async Task ProblemsLine_NamesTheOutOfRangeAttribute_TheFieldShowsItsRange_AndAValueInsideMakesItReady()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        var project = await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        project.FindPipeline("download-normalize")!.FindNode("download")!.Attributes["trainLimit"] = JsonSerializer.SerializeToElement(-1);
        await site.Engine.Projects.SaveAsync(project);
        var page = await site.OpenAsync("/projects/fm/pipelines/download-normalize");

        await Expect(page.Locator(".df-problems")).ToContainTextAsync("1 problem");
        await page.Locator(".df-problems summary").ClickAsync();
        await Expect(page.Locator(".df-problems")).ToContainTextAsync("node 'download' attribute 'trainLimit' is -1, outside its range: at least 0");
        await page.Locator(".df-node[data-node='download'] .df-node-title").ClickAsync();
        var field = page.Locator(".df-node-panel .df-attribute[data-attribute='trainLimit']");
        await Expect(field.Locator(".df-attribute-range")).ToHaveTextAsync("at least 0");
        await site.ShotAsync(page, "pipeline-attribute-out-of-range");

        await field.Locator("input").FillAsync("100");
        await field.Locator("input").PressAsync("Tab");

        await Expect(page.Locator(".df-ready")).ToBeVisibleAsync();
        Assert.Equal(100, (await site.Engine.Projects.GetAsync("fm")).FindPipeline("download-normalize")!.FindNode("download")!.Attributes["trainLimit"].GetInt32());
    }
}
