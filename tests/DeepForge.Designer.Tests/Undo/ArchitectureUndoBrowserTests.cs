using DeepForge.Designer.ArchitectureEditor;
using DeepForge.Designer.Tests.PipelineEditor;
using DeepForge.Models;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.Undo;

/// <summary>Undo and redo in the architecture editor, in Chromium, on the seed's cnn; screenshots undo-arch-*.png.</summary>
public sealed class ArchitectureUndoBrowserTests
{
    private const string CnnPath = "/projects/fm/architectures/cnn";

    [Fact]
    public async Task InsertedLayer_IsUndoneByCtrlZ_AndRedoneByCtrlShiftZ()
    {
        await using var site = await StartAsync();
        var page = await site.OpenAsync(CnnPath);
        await Expect(page.Locator(".df-layer")).ToHaveCountAsync(14);
        await page.Locator(".df-layer[data-layer=output] .df-layer-head").ClickAsync();
        await page.Locator(".df-palette-item[data-layer-type=Softmax]").ClickAsync();
        await Expect(page.Locator(".df-layer[data-layer=softmax1]")).ToBeVisibleAsync();
        await Expect(page.Locator("g.diagram-link")).ToHaveCountAsync(14);

        await page.Keyboard.PressAsync("Control+z");

        await Expect(page.Locator(".df-layer")).ToHaveCountAsync(14);
        await Expect(page.Locator("g.diagram-link")).ToHaveCountAsync(13);
        await Expect(page.Locator(".df-shapes-fit")).ToContainTextAsync("1×28×28 → 10");
        Assert.DoesNotContain((await CnnAsync(site)).Layers, l => l.Id == "softmax1");

        await page.Keyboard.PressAsync("Control+Shift+z");

        await Expect(page.Locator(".df-layer[data-layer=softmax1]")).ToBeVisibleAsync();
        await Expect(page.Locator("g.diagram-link")).ToHaveCountAsync(14);
        Assert.Contains(ArchitectureEdits.Links(await CnnAsync(site)), l => l == new LayerLink("output", "softmax1"));
        await site.ShotAsync(page, "undo-arch-insert-redone");
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task DeletedLayer_ComesBackIntoItsChain_OnTheUndoButton()
    {
        await using var site = await StartAsync();
        var page = await site.OpenAsync(CnnPath);
        await page.Locator(".df-layer[data-layer=relu1] .df-layer-head").ClickAsync();
        await page.Keyboard.PressAsync("Delete");
        await Expect(page.Locator(".df-layer")).ToHaveCountAsync(13);

        await page.Locator(".df-undo").ClickAsync();

        await Expect(page.Locator(".df-layer[data-layer=relu1]")).ToBeVisibleAsync();
        await Expect(page.Locator("g.diagram-link")).ToHaveCountAsync(13);
        await Expect(page.Locator(".df-shapes-fit")).ToContainTextAsync("1×28×28 → 10");
        var links = ArchitectureEdits.Links(await CnnAsync(site));
        Assert.Contains(new LayerLink("conv1", "relu1"), links);
        Assert.Contains(new LayerLink("relu1", "bn1"), links);
        Assert.DoesNotContain(new LayerLink("conv1", "bn1"), links);
        await site.ShotAsync(page, "undo-arch-delete-undone");
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task AttributeEdit_IsUndone_AndTheShapesFitAgain()
    {
        await using var site = await StartAsync();
        var page = await site.OpenAsync(CnnPath);
        await page.Locator(".df-layer[data-layer=fc1]").ClickAsync();
        var inFeatures = page.Locator(".df-attr[data-attribute=in_features] input");
        await inFeatures.FillAsync("3000");
        await inFeatures.PressAsync("Tab");
        await Expect(page.Locator(".df-layer-misfit[data-layer=fc1]")).ToBeVisibleAsync();

        await page.Locator(".df-undo").ClickAsync();

        await Expect(page.Locator(".df-shapes-fit")).ToContainTextAsync("1×28×28 → 10");
        await Expect(inFeatures).ToHaveValueAsync("3136");
        Assert.Equal(3136, (await CnnAsync(site)).Layers.Single(l => l.Id == "fc1").Attributes["in_features"].GetInt64());

        await page.Locator(".df-redo").ClickAsync();

        await Expect(page.Locator(".df-layer-misfit[data-layer=fc1]")).ToBeVisibleAsync();
        await Eventually.TrueAsync(async () => (await CnnAsync(site)).Layers.Single(l => l.Id == "fc1").Attributes["in_features"].GetInt64() == 3000);
        Assert.Empty(site.Errors);
    }

    private static async Task<DesignerSite> StartAsync()
    {
        var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        return site;
    }

    private static async Task<ArchitectureDefinition> CnnAsync(DesignerSite site) => (await site.Engine.Projects.GetAsync("fm")).FindArchitecture("cnn")!;
}
