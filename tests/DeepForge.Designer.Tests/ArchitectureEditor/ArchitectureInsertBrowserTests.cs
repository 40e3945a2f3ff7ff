using DeepForge.Designer.ArchitectureEditor;
using DeepForge.Designer.Tests.PipelineEditor;
using DeepForge.Models;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.ArchitectureEditor;

/// <summary>Inserting layers, laying out and labels of a partly broken network, in Debian's Chromium; screenshots arch-insert-*.png.</summary>
public sealed class ArchitectureInsertBrowserTests
{
    // Tall enough by default for the whole cnn: a click on a layer out of view would scroll the canvas under the diagram.
    private static async Task<(DesignerSite Site, IPage Page)> OpenCnnAsync(Action<ArchitectureDefinition>? change = null, int height = 1800)
    {
        var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fashion", "fashion-mnist");
        if (change != null)
        {
            var project = await site.Engine.Projects.GetAsync("fashion");
            change(project.FindArchitecture("cnn")!);
            await site.Engine.Projects.SaveAsync(project);
        }
        var page = await site.NewPageAsync(1400, height);
        await page.GotoAsync(site.Url + "/projects/fashion/architectures/cnn");
        await Assertions.Expect(page.Locator(".df-layer")).ToHaveCountAsync(14);
        return (site, page);
    }

    private static async Task<ArchitectureDefinition> StoredAsync(DesignerSite site) =>
        (await site.Engine.Projects.GetAsync("fashion")).FindArchitecture("cnn")!;

    [Fact]
    public async Task PaletteClick_WithALayerSelected_InsertsItBeforeTheNextLayerAndShapesStillFit()
    {
        var (site, page) = await OpenCnnAsync();
        await using var _ = site;

        await page.Locator(".df-layer[data-layer=fc1] .df-layer-head").ClickAsync();
        await page.Locator(".df-palette-item[data-layer-type=Linear]").ClickAsync();

        await Assertions.Expect(page.Locator(".df-layer[data-layer=linear1]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".df-attr[data-attribute=in_features] input")).ToHaveValueAsync("128");
        await Assertions.Expect(page.Locator(".df-shapes-fit")).ToContainTextAsync("1×28×28 → 10");
        await Assertions.Expect(page.Locator("g.diagram-link")).ToHaveCountAsync(14);
        await site.ShotAsync(page, "arch-insert-01-palette");
        var links = ArchitectureEdits.Links(await StoredAsync(site));
        Assert.Contains(new LayerLink("fc1", "linear1"), links);
        Assert.Contains(new LayerLink("linear1", "relu3"), links);
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task DropOnALink_InsertsTheLayerBetweenItsEnds()
    {
        var (site, page) = await OpenCnnAsync();
        await using var _ = site;
        var from = (await page.Locator(".df-layer[data-layer=conv2] .df-layer-port-out").BoundingBoxAsync())!;
        var to = (await page.Locator(".df-layer[data-layer=relu2] .df-layer-port-in").BoundingBoxAsync())!;
        var canvas = (await page.Locator(".df-arch-canvas").BoundingBoxAsync())!;

        await page.Locator(".df-palette-item[data-layer-type=BatchNorm2d]").DragToAsync(page.Locator(".df-arch-canvas"), new LocatorDragToOptions
        {
            TargetPosition = new TargetPosition
            {
                X = (from.X + from.Width / 2 + to.X + to.Width / 2) / 2 - canvas.X,
                Y = (from.Y + from.Height / 2 + to.Y + to.Height / 2) / 2 - canvas.Y,
            },
        });

        await Assertions.Expect(page.Locator(".df-layer[data-layer=batchnorm2d1]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".df-shapes-fit")).ToContainTextAsync("1×28×28 → 10");
        await site.ShotAsync(page, "arch-insert-02-drop-on-link");
        var stored = await StoredAsync(site);
        var links = ArchitectureEdits.Links(stored);
        Assert.Contains(new LayerLink("conv2", "batchnorm2d1"), links);
        Assert.Contains(new LayerLink("batchnorm2d1", "relu2"), links);
        Assert.Equal(64, stored.Layers.Single(l => l.Id == "batchnorm2d1").Attributes["num_features"].GetInt64());
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task DropOnALayer_InsertsTheLayerAfterIt()
    {
        var (site, page) = await OpenCnnAsync();
        await using var _ = site;

        await page.Locator(".df-palette-item[data-layer-type=Dropout]").DragToAsync(page.Locator(".df-layer[data-layer=fc1] .df-layer-head"));

        await Assertions.Expect(page.Locator(".df-layer[data-layer=dropout1]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".df-shapes-fit")).ToContainTextAsync("1×28×28 → 10");
        var links = ArchitectureEdits.Links(await StoredAsync(site));
        Assert.Contains(new LayerLink("fc1", "dropout1"), links);
        Assert.Contains(new LayerLink("dropout1", "relu3"), links);
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task AutoLayout_LeavesNoTwoLayersOverlapping()
    {
        // Every layer drawn at the same place: a pile.
        var (site, page) = await OpenCnnAsync(cnn => cnn.Layers.ForEach(l => l.Position = new NodePosition(80, 30)));
        await using var _ = site;

        await page.Locator(".df-arch-layout").ClickAsync();

        await Eventually.TrueAsync(async () => Overlapping(await BoxesAsync(page)) == null);
        await site.ShotAsync(page, "arch-insert-03-auto-layout");
        Assert.Null(Overlapping(await BoxesAsync(page)));
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task ZoomToFit_BringsEveryLayerIntoTheCanvas()
    {
        var (site, page) = await OpenCnnAsync(height: 900);
        await using var _ = site;
        var canvas = (await page.Locator(".df-arch-canvas").BoundingBoxAsync())!;
        Assert.Contains(await BoxesAsync(page), b => b.Y + b.Height > canvas.Y + canvas.Height); // the cnn is taller than the canvas

        await page.Locator(".df-arch-fit").ClickAsync();

        await Eventually.TrueAsync(async () => (await BoxesAsync(page)).All(b => b.Y >= canvas.Y && b.Y + b.Height <= canvas.Y + canvas.Height));
        await site.ShotAsync(page, "arch-insert-04-zoom-to-fit");
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task ShapeLabels_StayOnTheLinksThatWork_WhileAnotherPartIsInvalid()
    {
        // The seed's cnn has 14 layers: a taller screen keeps the output layer's port where the mouse can reach it.
        var (site, page) = await OpenCnnAsync(height: 2200);
        await using var _ = site;

        // flatten -> output as well: output now has two inputs, which only join layers may have.
        await DragAsync(page, ".df-layer[data-layer=flatten] .df-layer-port-out", ".df-layer[data-layer=output] .df-layer-port-in");

        await Assertions.Expect(page.Locator("g.diagram-link")).ToHaveCountAsync(14);
        await Assertions.Expect(page.Locator(".df-shapes-misfit")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diagram-link", new PageLocatorOptions { HasText = "32×14×14" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diagram-link", new PageLocatorOptions { HasText = "3136" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".df-layer[data-layer=fc2] .df-layer-output-shape")).ToContainTextAsync("10");
        await site.ShotAsync(page, "arch-insert-05-labels-while-invalid");
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task Canvas_TakesMostOfTheWidthThePageHas()
    {
        var (site, page) = await OpenCnnAsync(height: 900);
        await using var _ = site;

        var canvas = (await page.Locator(".df-arch-canvas").BoundingBoxAsync())!;

        // 1400 px less the side menu and one column for the attributes and the palette; it was about 500 px.
        Assert.True(canvas.Width >= 700, $"the canvas is {canvas.Width} px wide in a page of 1400 px");
    }

    private static async Task<IReadOnlyList<LocatorBoundingBoxResult>> BoxesAsync(IPage page)
    {
        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var layer in await page.Locator(".df-layer").AllAsync()) boxes.Add((await layer.BoundingBoxAsync())!);
        return boxes;
    }

    private static string? Overlapping(IReadOnlyList<LocatorBoundingBoxResult> boxes)
    {
        for (var i = 0; i < boxes.Count; i++)
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                if (a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height)
                    return $"layers {i} and {j} overlap";
            }
        return null;
    }

    private static async Task DragAsync(IPage page, string from, string to)
    {
        var source = (await page.Locator(from).BoundingBoxAsync())!;
        var target = (await page.Locator(to).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(source.X + source.Width / 2, source.Y + source.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(target.X + target.Width / 2, target.Y + target.Height / 2, new MouseMoveOptions { Steps = 10 });
        await page.Mouse.UpAsync();
    }
}
