using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.OperationEditor;

/// <summary>The bar between the interface diagram and the code in the operation editor, dragged in Chromium.</summary>
public sealed class SplitBrowserTests
{
    [Fact]
    public async Task DraggingTheSplit_ResizesDiagramAndCode_AndMonacoFollows()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Copied, Torch = false });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm/operations/Train");
        // Monaco's first load in a test run fetches and compiles its scripts: on a loaded machine that took longer than 30 s.
        await Assertions.Expect(page.Locator(".df-op-right .monaco-editor .view-line").First).ToBeVisibleAsync(new() { Timeout = 90_000 });
        var (code, diagram) = (await WidthAsync(page, ".df-op-right .monaco-editor[role=code]"), await WidthAsync(page, ".df-op-left"));
        var bar = await page.Locator(".df-op-editor .rz-splitter-bar").First.BoundingBoxAsync();
        Assert.NotNull(bar);

        await page.Mouse.MoveAsync(bar.X + bar.Width / 2, bar.Y + bar.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(bar.X + 200, bar.Y + bar.Height / 2, new() { Steps = 10 });
        await page.Mouse.UpAsync();
        await site.ShotAsync(page, "op-editor-split-dragged");

        await PipelineEditor.Eventually.TrueAsync(async () => await WidthAsync(page, ".df-op-right .monaco-editor[role=code]") < code - 150);
        Assert.True(await WidthAsync(page, ".df-op-left") > diagram + 150, "the diagram's pane did not widen");
        await Assertions.Expect(page.Locator(".df-op-interface")).ToBeVisibleAsync();
    }

    private static async Task<double> WidthAsync(IPage page, string selector) =>
        (await page.Locator(selector).BoundingBoxAsync())?.Width ?? 0;
}
