using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.Dialogs;

/// <summary>
/// The designer's name fields in Chromium: typed slowly (a person's pace, each key its own round trip), the text
/// stored is exactly the text typed, the button is enabled while the field still has focus, and Enter submits.
/// </summary>
public sealed class EnterSubmitsBrowserTests
{
    // Slow enough that every key is its own event on the circuit, as when a person types on a loaded server.
    private static readonly LocatorPressSequentiallyOptions Slowly = new() { Delay = 60 };

    [Fact]
    public async Task NewOperationName_TypedSlowlyWhileEditsArriveFromTheStore_IsStoredExactly_AndEnterCreatesIt()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm/pipelines/train");
        await page.Locator(".df-add-operation").ClickAsync();
        var field = page.Locator("input.df-new-operation-name");
        await Expect(page.Locator(".df-new-operation-create")).ToBeDisabledAsync();
        await Expect(page.Locator("input.df-operation-filter")).ToBeFocusedAsync(); // opened with the caret in the filter, as before

        // Another writer edits the open pipeline through the store the whole time: each edit reaches this page by the
        // change feed and redraws it while the keys arrive.
        using var typing = new CancellationTokenSource();
        var edits = EditWhileTypingAsync(site, typing.Token);
        await field.PressSequentiallyAsync("ScaleImagesToUnitRange", Slowly);
        await Expect(page.Locator(".df-new-operation-create")).ToBeEnabledAsync();
        await Expect(field).ToBeFocusedAsync();
        await typing.CancelAsync();
        var last = await edits;
        await Expect(page.Locator(".df-node[data-node=model]")).ToContainTextAsync($"busy{last}"); // the edits did reach the page
        await Expect(field).ToHaveValueAsync("ScaleImagesToUnitRange");
        await site.ShotAsync(page, "dialog-new-operation-typed-while-busy");
        await field.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex(@"/projects/fm/operations/ScaleImagesToUnitRange(\?|$)"));
        Assert.Contains((await site.Engine.Projects.GetAsync("fm")).FindPipeline("train")!.Nodes, n => n.Operation == "ScaleImagesToUnitRange");
        // The operation editor stores the new class once it has opened.
        await Expect(page.Locator(".df-op-interface")).ToBeVisibleAsync();
        await PipelineEditor.Eventually.TrueAsync(async () => (await site.Engine.Projects.GetAsync("fm")).Sources.Any(s => s.Path == "operations/ScaleImagesToUnitRange.cs"));
        // Leaving the pipeline editor while store edits redraw its diagram once made Z.Blazor.Diagrams report to the
        // disposed diagram (an uncaught "exception invoking 'OnResize'"); diagramguard.js keeps that out of the console.
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task ProjectName_EnablesNextAsItIsTyped_AndEnterGoesOnToTheSeed()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped, Torch = false });
        var page = await site.OpenAsync("/");
        await page.Locator(".df-create-project").ClickAsync();
        var field = page.Locator(".df-create-dialog input.df-project-name");
        await Expect(page.Locator(".df-create-dialog .df-next")).ToBeDisabledAsync();

        await field.PressSequentiallyAsync("typed-by-hand", Slowly);
        await Expect(page.Locator(".df-create-dialog .df-next")).ToBeEnabledAsync();
        await Expect(field).ToBeFocusedAsync();
        await field.PressAsync("Enter");

        await Expect(page.Locator(".df-project-seed")).ToBeVisibleAsync();
        await Expect(page.Locator(".df-create-dialog")).ToContainTextAsync("Project typed-by-hand starts from a seed");
        await page.Locator(".df-create-dialog .df-create").ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url + "/projects/typed-by-hand");
        await site.ShotAsync(page, "dialog-enter-project");
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task PipelineName_Enter_CreatesThePipelineNamedAsTyped()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped, Torch = false });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm");
        await page.Locator(".df-new-pipeline").ClickAsync();

        await page.Locator("input.df-new-pipeline-name").PressSequentiallyAsync("keyed-in", Slowly);
        await Expect(page.Locator(".df-new-pipeline-create")).ToBeEnabledAsync();
        await page.Locator("input.df-new-pipeline-name").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(site.Url + "/projects/fm/pipelines/keyed-in");
        Assert.NotNull((await site.Engine.Projects.GetAsync("fm")).FindPipeline("keyed-in"));
    }

    [Fact]
    public async Task ArchitectureName_Enter_CreatesAndOpensIt()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped, Torch = false });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm");
        await Expect(page.Locator(".df-new-architecture-create")).ToBeDisabledAsync();

        await page.Locator("input.df-new-architecture-name").PressSequentiallyAsync("wide-mlp", Slowly);
        await Expect(page.Locator(".df-new-architecture-create")).ToBeEnabledAsync();
        await page.Locator("input.df-new-architecture-name").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(site.Url + "/projects/fm/architectures/wide-mlp");
        Assert.NotNull((await site.Engine.Projects.GetAsync("fm")).FindArchitecture("wide-mlp"));
    }

    [Fact]
    public async Task DataTypeName_Enter_OpensTheNewTypesEditor()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped, Torch = false });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm");

        await page.Locator("input.df-new-type-name").PressSequentiallyAsync("PixelStats", Slowly);
        await Expect(page.Locator(".df-new-type-create")).ToBeEnabledAsync();
        await page.Locator("input.df-new-type-name").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(site.Url + "/projects/fm/types/PixelStats?new=true");
    }

    [Fact]
    public async Task CustomLayerName_Enter_OpensTheNewLayersEditor()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped, Torch = false });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm");
        await Expect(page.Locator(".df-new-layer-create")).ToBeDisabledAsync();

        await page.Locator("input.df-new-layer-name").PressSequentiallyAsync("GatedSkip", Slowly);
        await Expect(page.Locator(".df-new-layer-create")).ToBeEnabledAsync();
        await page.Locator("input.df-new-layer-name").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(site.Url + "/projects/fm/layers/GatedSkip?new=true");
    }

    // Renames the train pipeline's model output every 100 ms until cancelled; returns the last number stored.
    private static async Task<int> EditWhileTypingAsync(DesignerSite site, CancellationToken typing)
    {
        var count = 0;
        while (!typing.IsCancellationRequested)
        {
            var next = count + 1;
            await site.Engine.Projects.UpdateAsync("fm", p => { p.FindPipeline("train")!.FindNode("model")!.Artifact = $"busy{next}"; return true; }, CancellationToken.None);
            count = next;
            try { await Task.Delay(100, typing); }
            catch (OperationCanceledException) { }
        }
        return count;
    }
}
