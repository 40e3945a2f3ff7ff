using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.Layout;

/// <summary>The side menu folds away for room and stays as the user left it for the session, in Chromium.</summary>
public sealed class SideMenuBrowserTests
{
    [Fact]
    public async Task MenuToggle_CollapsesTheMenu_AndGivesItsWidthToThePage()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false });
        var page = await site.OpenAsync("/");
        var before = await WidthAsync(page, ".df-body");

        await page.Locator(".df-menu-toggle").ClickAsync();

        await PipelineEditor.Eventually.TrueAsync(async () => await WidthAsync(page, ".df-body") > before + 150);
        await Assertions.Expect(page.Locator(".df-menu .rz-navigation-item-text, .df-menu a", new() { HasText = "Workers" }).First).Not.ToBeInViewportAsync();
        await site.ShotAsync(page, "menu-collapsed");
    }

    [Fact]
    public async Task CollapsedMenu_StaysCollapsed_AfterAReload_AndOpensAgainOnAClick()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false });
        var page = await site.OpenAsync("/");
        var open = await WidthAsync(page, ".df-body");
        await page.Locator(".df-menu-toggle").ClickAsync();
        await PipelineEditor.Eventually.TrueAsync(async () => await WidthAsync(page, ".df-body") > open + 150);

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".df-body[data-interactive=yes]")).ToBeVisibleAsync();

        await PipelineEditor.Eventually.TrueAsync(async () => await WidthAsync(page, ".df-body") > open + 150);
        await page.Locator(".df-menu-toggle").ClickAsync();
        await PipelineEditor.Eventually.TrueAsync(async () => Math.Abs(await WidthAsync(page, ".df-body") - open) < 2);
        await Assertions.Expect(page.Locator(".df-menu a", new() { HasText = "Workers" }).First).ToBeInViewportAsync();
    }

    private static async Task<double> WidthAsync(IPage page, string selector) =>
        (await page.Locator(selector).BoundingBoxAsync())?.Width ?? 0;
}
