using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.Dialogs;

/// <summary>Name fields of the designer's dialogs answer Enter and enable their button while the user types, in Chromium.</summary>
public sealed class EnterSubmitsBrowserTests
{
    [Fact]
    public async Task Enter_InTheProjectName_GoesOnToTheSeed()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped, Torch = false });
        var page = await site.OpenAsync("/");

        await page.Locator(".df-create-project").ClickAsync();
        await page.Locator(".df-create-dialog input").PressSequentiallyAsync("typed");
        await page.Locator(".df-create-dialog input").PressAsync("Enter");

        await Expect(page.Locator(".df-project-seed")).ToBeVisibleAsync();
        await Expect(page.Locator(".df-create-dialog")).ToContainTextAsync("Project typed starts from a seed");
        await site.ShotAsync(page, "dialog-enter-project-seed");
    }

    [Fact]
    public async Task Enter_InTheNewPipelineName_CreatesThePipeline()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped, Torch = false });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm");

        await page.Locator(".df-new-pipeline").ClickAsync();
        await page.Locator("input.df-new-pipeline-name").PressSequentiallyAsync("keyed");
        await page.Locator("input.df-new-pipeline-name").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(site.Url + "/projects/fm/pipelines/keyed");
        Assert.NotNull((await site.Engine.Projects.GetAsync("fm")).FindPipeline("keyed"));
    }

    [Fact]
    public async Task NewOperationCreate_IsEnabledByTheFirstLetter_BeforeTheFieldLosesFocus()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm/pipelines/download-normalize");
        await page.Locator(".df-add-operation").ClickAsync();
        await Expect(page.Locator(".df-new-operation-create")).ToBeDisabledAsync();

        await page.Locator("input.df-new-operation-name").PressSequentiallyAsync("S");

        await Expect(page.Locator(".df-new-operation-create")).ToBeEnabledAsync();
        await Expect(page.Locator("input.df-new-operation-name")).ToBeFocusedAsync();
        await site.ShotAsync(page, "dialog-create-enabled-while-typing");
    }

    [Fact]
    public async Task Enter_InTheNewOperationName_CreatesTheOperation()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm/pipelines/download-normalize");
        await page.Locator(".df-add-operation").ClickAsync();

        await page.Locator("input.df-new-operation-name").PressSequentiallyAsync("Scale");
        await page.Locator("input.df-new-operation-name").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new Regex("/projects/fm/operations/Scale"));
    }

    [Fact]
    public async Task Enter_InTheNewArchitectureName_CreatesAndOpensIt()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped, Torch = false });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm");

        await page.Locator("input.df-new-architecture-name").PressSequentiallyAsync("mlp");
        await page.Locator("input.df-new-architecture-name").PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(site.Url + "/projects/fm/architectures/mlp");
        Assert.NotNull((await site.Engine.Projects.GetAsync("fm")).FindArchitecture("mlp"));
    }
}
