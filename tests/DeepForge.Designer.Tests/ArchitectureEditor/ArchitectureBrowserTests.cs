using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.ArchitectureEditor;

/// <summary>The architecture editor in Debian's Chromium on a real server; screenshots arch-*.png under screenshots/.</summary>
public sealed class ArchitectureBrowserTests
{
    [Fact]
    public async Task Cnn_shows_shape_labels_and_marks_a_broken_linear_layer()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        var url = site.Url;
        var engine = site.Engine;
        await engine.Projects.CreateAsync("fashion", "fashion-mnist");
        var page = await site.NewPageAsync(1400, 1800);
        var errors = site.Errors;

        await page.GotoAsync(url + "/projects/fashion");
        await Assertions.Expect(page.Locator(".df-body[data-interactive=yes]")).ToBeVisibleAsync();
        await page.Locator(".df-architecture-card a", new PageLocatorOptions { HasText = "cnn" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(url + "/projects/fashion/architectures/cnn");

        // Every connection is drawn and labelled with the shape of one sample flowing along it.
        await Assertions.Expect(page.Locator(".df-layer")).ToHaveCountAsync(14);
        await Assertions.Expect(page.Locator("g.diagram-link")).ToHaveCountAsync(13);

        // Dragging a palette layer onto the canvas drops it there; moving a layer stores where it was put.
        await page.Locator(".df-palette-item[data-layer-type=Dropout]").DragToAsync(page.Locator(".df-arch-canvas"),
            new LocatorDragToOptions { TargetPosition = new TargetPosition { X = 420, Y = 200 } });
        await Assertions.Expect(page.Locator(".df-layer[data-layer=dropout1]")).ToBeVisibleAsync();
        var head = (await page.Locator(".df-layer[data-layer=dropout1] .df-layer-head").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(head.X + 10, head.Y + 5);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(head.X + 10, head.Y + 105, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
        await WaitForAsync(async () =>
            (await engine.Projects.GetAsync("fashion")).FindArchitecture("cnn")!.Layers.Single(l => l.Id == "dropout1").Position is { Y: > 250 });
        await page.Locator(".df-layer[data-layer=dropout1] .df-layer-head").ClickAsync();
        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(page.Locator(".df-layer")).ToHaveCountAsync(14);
        await Assertions.Expect(page.Locator(".diagram-link", new PageLocatorOptions { HasText = "32×14×14" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diagram-link", new PageLocatorOptions { HasText = "3136" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".df-shapes-fit")).ToContainTextAsync("1×28×28 → 10");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("arch-01-cnn.png") });

        // A palette click with no layer selected puts the layer after the output layer, connected.
        await page.Locator(".df-palette-item[data-layer-type=Softmax]").ClickAsync();
        await Assertions.Expect(page.Locator(".df-layer[data-layer=softmax1]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("g.diagram-link")).ToHaveCountAsync(14);
        await Assertions.Expect(page.Locator(".df-layer-misfit")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".df-shapes-fit")).ToContainTextAsync("1×28×28 → 10");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("arch-02-connected.png") });
        Assert.Contains(new[] { "output", "softmax1" }, (await engine.Projects.GetAsync("fashion")).FindArchitecture("cnn")!.Connections);

        // Delete removes the selected layer and its connection.
        await page.Locator(".df-layer[data-layer=softmax1] .df-layer-head").ClickAsync(new LocatorClickOptions { Timeout = 5000 });
        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(page.Locator(".df-layer")).ToHaveCountAsync(14);
        await Assertions.Expect(page.Locator("g.diagram-link")).ToHaveCountAsync(13);

        // Break fc1: the attributes panel writes the value, the layer turns red and says why.
        await page.Locator(".df-layer[data-layer=fc1]").ClickAsync();
        var inFeatures = page.Locator(".df-attr[data-attribute=in_features] input");
        await Assertions.Expect(inFeatures).ToHaveValueAsync("3136");
        await inFeatures.FillAsync("3000");
        await inFeatures.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".df-layer-misfit[data-layer=fc1] .df-layer-problem")).ToContainTextAsync("expects 3000 input features but gets 3136");
        await Assertions.Expect(page.Locator(".df-shape-problem")).ToContainTextAsync("fc1");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("arch-03-misfit.png") });
        var stored = (await engine.Projects.GetAsync("fashion")).FindArchitecture("cnn")!;
        Assert.Equal(3000, stored.Layers.Single(l => l.Id == "fc1").Attributes["in_features"].GetInt64());

        // The custom layer editor: the template's attributes beside its code.
        await page.GotoAsync(url + "/projects/fashion/layers/Scaled?new=true");
        await Assertions.Expect(page.Locator(".df-layer-attributes tr[data-attribute=Scale]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".df-source-monaco .view-lines")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("arch-04-custom-layer.png") });

        // The data type editor: base type and how it is stored, read from the template's code.
        await page.GotoAsync(url + "/projects/fashion/types/Measurements?new=true");
        await Assertions.Expect(page.Locator(".df-type-storage")).ToContainTextAsync("MeasurementsSerializer");
        await Assertions.Expect(page.Locator(".df-type-base")).ToContainTextAsync("none");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("arch-07-data-type.png") });

        // Back in the architecture, the layers are where they were drawn, fc1 still marked.
        await page.GotoAsync(url + "/projects/fashion/architectures/cnn");
        await Assertions.Expect(page.Locator(".df-layer-misfit[data-layer=fc1]")).ToBeVisibleAsync();

        // A module-typed attribute of a custom layer opens its nested architecture in the same editor.
        await engine.Projects.SaveAsync(WithResidual(await engine.Projects.GetAsync("fashion")));
        await page.GotoAsync(url + "/projects/fashion/architectures/res");
        await page.Locator(".df-layer[data-layer=residual1]").ClickAsync();
        await Assertions.Expect(page.Locator(".df-attr[data-attribute=inner]")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("arch-05-residual.png") });
        await page.Locator(".df-attr[data-attribute=inner] .df-attr-open").ClickAsync();
        await Assertions.Expect(page.Locator(".df-crumb-nested")).ToHaveTextAsync("residual1.inner");
        await Assertions.Expect(page.Locator(".df-layer[data-layer=linear1] .df-layer-output-shape")).ToContainTextAsync("8");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("arch-06-nested.png") });
        await page.Locator(".df-crumb-root").ClickAsync();
        await Assertions.Expect(page.Locator(".df-layer[data-layer=residual1] .df-layer-output-shape")).ToContainTextAsync("8");

        Assert.Empty(errors);
    }

    private static Models.ProjectDefinition WithResidual(Models.ProjectDefinition project)
    {
        project.Sources.Add(new Models.SourceFile("layers/Residual.cs", TestLayers.Residual));
        var inner = new Models.ArchitectureDefinition
        {
            Name = "inner", InputShape = [8],
            Layers = [new Models.LayerNode { Id = "linear1", Type = "Linear", Attributes = { ["in_features"] = Json(8), ["out_features"] = Json(8) } }],
        };
        project.Architectures.Add(new Models.ArchitectureDefinition
        {
            Name = "res", InputShape = [8],
            Layers = [new Models.LayerNode { Id = "residual1", Type = "Residual", Attributes = { ["inner"] = System.Text.Json.JsonSerializer.SerializeToElement(inner, System.Text.Json.JsonSerializerOptions.Web) } }],
        });
        return project;
    }

    /// <summary>Polls the store: an edit made in the browser reaches it through the circuit, a moment after the gesture.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++) await Task.Delay(100);
        Assert.True(await condition(), "the browser's edit never reached the store");
    }

    private static System.Text.Json.JsonElement Json(object value) => System.Text.Json.JsonSerializer.SerializeToElement(value);
}
