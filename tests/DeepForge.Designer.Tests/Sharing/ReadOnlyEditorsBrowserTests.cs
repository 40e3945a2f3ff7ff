using DeepForge.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.Sharing;

/// <summary>A viewer of a project opens its editors read-only, with a note why, and what they try changes nothing.</summary>
public sealed class ReadOnlyEditorsBrowserTests
{
    [Fact]
    public async Task A_viewer_gets_a_pipeline_editor_without_adding_deleting_attribute_edits_or_execute()
    {
        await using var site = await StartAsync(Torch: false);
        var version = (await site.Engine.Projects.GetAsync("fm")).Version;
        var page = await site.OpenAsync("/projects/fm", person: "vic");
        await page.Locator(".df-pipeline-card").GetByRole(AriaRole.Link, new() { Name = "train", Exact = true }).ClickAsync();

        await Expect(page.Locator(".df-node[data-node=train]")).ToBeVisibleAsync();
        await Expect(page.Locator(".df-read-only-badge")).ToBeVisibleAsync();
        await Expect(page.Locator(".df-read-only-note")).ToBeVisibleAsync();
        await Expect(page.Locator(".df-add-operation, .df-add-input, .df-add-output, .df-delete-node, .df-execute")).ToHaveCountAsync(0);
        await page.Locator(".df-node[data-node=train] .df-node-title").ClickAsync();
        await Expect(page.Locator(".df-node-panel .df-panel-title")).ToHaveTextAsync("train");
        await Expect(page.Locator(".df-node-panel .df-node-fields")).ToHaveAttributeAsync("inert", "");
        await page.Keyboard.PressAsync("Delete");
        var title = (await page.Locator(".df-node[data-node=model] .df-node-title").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(title.X + 10, title.Y + 5);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(title.X + 160, title.Y + 105, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();

        // Back to the project page by clicking: the circuit handles events in order, so what the keys and drag did is done.
        await page.GetByRole(AriaRole.Link, new() { Name = "fm", Exact = true }).ClickAsync();
        await Expect(page.Locator(".df-pipeline-card")).Not.ToHaveCountAsync(0);
        Assert.Equal(version, (await site.Engine.Projects.GetAsync("fm")).Version);
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task A_viewer_gets_an_architecture_editor_without_palette_delete_or_attribute_edits()
    {
        await using var site = await StartAsync(Torch: true);
        var version = (await site.Engine.Projects.GetAsync("fm")).Version;
        var page = await site.OpenAsync("/projects/fm", person: "vic");
        await page.Locator(".df-architecture-card").GetByRole(AriaRole.Link, new() { Name = "cnn", Exact = true }).ClickAsync();

        await Expect(page.Locator(".df-layer").First).ToBeVisibleAsync();
        await Expect(page.Locator(".df-arch-header .df-read-only-note")).ToBeVisibleAsync();
        await Expect(page.Locator(".df-palette")).ToHaveCountAsync(0);
        await page.Locator(".df-layer[data-layer=output] .df-layer-head").ClickAsync();
        await Expect(page.Locator(".df-layer-fields")).ToHaveAttributeAsync("inert", "");
        await Expect(page.Locator(".df-delete-layer")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Delete");
        await site.ShotAsync(page, "read-only-architecture");

        await page.GetByRole(AriaRole.Link, new() { Name = "fm", Exact = true }).ClickAsync();
        await Expect(page.Locator(".df-architecture-card")).Not.ToHaveCountAsync(0);
        Assert.Equal(version, (await site.Engine.Projects.GetAsync("fm")).Version);
        Assert.Equal(14, (await site.Engine.Projects.GetAsync("fm")).FindArchitecture("cnn")!.Layers.Count);
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task A_viewer_gets_an_operation_editor_whose_code_cannot_be_typed_into_or_saved()
    {
        await using var site = await StartAsync(Torch: false);
        var stored = (await site.Engine.Projects.GetAsync("fm")).Sources.Single(s => s.Path == "operations/Train.cs").Text;
        var page = await site.OpenAsync("/projects/fm", person: "vic");
        await page.Locator(".df-operation-card").GetByRole(AriaRole.Link, new() { Name = "Train", Exact = true }).ClickAsync();

        var execute = page.Locator(".monaco-editor .view-line", new() { HasText = "public Model Execute(" });
        await Expect(execute).ToBeVisibleAsync();
        await Expect(page.Locator(".df-read-only-note")).ToBeVisibleAsync();
        await Expect(page.Locator(".df-op-save, .df-op-add")).ToHaveCountAsync(0);
        await execute.ClickAsync();
        await page.Keyboard.TypeAsync("int extra, ");
        await page.Keyboard.PressAsync("Control+s");

        var code = await DeepForge.Designer.Tests.OperationEditor.MonacoCode.OfAsync(page);
        Assert.Equal(stored, code);
        await page.GetByRole(AriaRole.Link, new() { Name = "fm", Exact = true }).ClickAsync();
        await Expect(page.Locator(".df-operation-card")).Not.ToHaveCountAsync(0);
        Assert.Equal(stored, (await site.Engine.Projects.GetAsync("fm")).Sources.Single(s => s.Path == "operations/Train.cs").Text);
        Assert.Empty(site.Errors);
    }

    private static async Task<DesignerSite> StartAsync(bool Torch)
    {
        var site = await DesignerSite.StartAsync(new() { Torch = Torch, Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        await site.AddPersonAsync("vic", PersonRole.Viewer);
        await site.Services.GetRequiredService<ProjectAccess>().ShareAsync("fm", "vic", PersonRole.Viewer, default);
        return site;
    }
}
