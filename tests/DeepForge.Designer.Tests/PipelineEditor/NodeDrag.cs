using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.PipelineEditor;

/// <summary>Moves a pipeline node on the page as a hand would: by its title, in small steps.</summary>
internal static class NodeDrag
{
    public static async Task ByAsync(IPage page, string node, float dx, float dy)
    {
        var title = (await page.Locator($".df-node[data-node='{node}'] .df-node-title").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(title.X + 10, title.Y + title.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(title.X + 10 + dx, title.Y + title.Height / 2 + dy, new MouseMoveOptions { Steps = 10 });
        await page.Mouse.UpAsync();
    }
}
