using DeepForge.Designer.Tests.PipelineEditor;
using DeepForge.Models;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.OperationEditor;

/// <summary>
/// Walking between operations as people do (links, the breadcrumb, browser Back): each editor shows and saves only the
/// operation its address names, and leaving with unsaved code asks first.
/// </summary>
public sealed class OperationWalkTests
{
    [Fact]
    public async Task EachRouteIntoTheEditor_ShowsAndSavesThatOperationsOwnCode()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Copied, Torch = false });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm");

        await OpenFromProjectAsync(page, "Train");
        await page.Locator(".rz-breadcrumb a", new() { HasText = "fm" }).ClickAsync();
        await OpenFromProjectAsync(page, "Test");
        await TypeAndSaveAsync(page, "// edited in Test");
        await page.GoBackAsync();
        await OpenFromProjectAsync(page, "NormalizeData");
        await TypeAndSaveAsync(page, "// edited in NormalizeData");
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/projects/fm$"));
        await page.GoBackAsync(); // the history is: project, Train, project, NormalizeData
        await ExpectEditorOfAsync(page, "Train");
        Assert.DoesNotContain("// edited", await MonacoCode.OfAsync(page));

        var project = await site.Engine.Projects.GetAsync("fm");
        Assert.StartsWith("// edited in Test", Code(project, "Test"));
        Assert.StartsWith("// edited in NormalizeData", Code(project, "NormalizeData"));
        Assert.DoesNotContain("// edited", Code(project, "Train"));
        Assert.DoesNotContain("class Test", Code(project, "NormalizeData"));
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task LeavingByTheBreadcrumbWithUnsavedCode_AsksFirst_AndStaysWhenTheAnswerIsNo()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Copied, Torch = false });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm");
        await OpenFromProjectAsync(page, "Train");
        await TypeAsync(page, "// not saved yet");
        string? asked = null;
        page.Dialog += async (_, dialog) => { asked = dialog.Message; await dialog.DismissAsync(); };

        await page.Locator(".rz-breadcrumb a", new() { HasText = "fm" }).ClickAsync();

        await Eventually.TrueAsync(() => Task.FromResult(asked != null));
        Assert.Contains("Train has changes that are not saved", asked);
        await ExpectEditorOfAsync(page, "Train");
        Assert.StartsWith("// not saved yet", await MonacoCode.OfAsync(page));
        Assert.EndsWith("/projects/fm/operations/Train", page.Url);
    }

    private static async Task OpenFromProjectAsync(IPage page, string operation)
    {
        await page.Locator(".rz-link", new() { HasTextRegex = new($"^{operation}$") }).First.ClickAsync();
        await ExpectEditorOfAsync(page, operation);
    }

    private static async Task ExpectEditorOfAsync(IPage page, string operation)
    {
        await Expect(page.Locator($".df-op-right[data-operation={operation}]")).ToBeVisibleAsync();
        var code = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline && !code.Contains($"class {operation}"); await Task.Delay(200))
            code = await MonacoCode.OfAsync(page);
        Assert.True(code.Contains($"class {operation}"), $"the editor of {operation} holds:\n{code[..Math.Min(400, code.Length)]}");
        await Expect(page.Locator(".monaco-editor .view-line", new() { HasText = $"class {operation}" })).ToBeVisibleAsync();
    }

    private static async Task TypeAsync(IPage page, string line)
    {
        await page.Locator(".monaco-editor .view-lines").ClickAsync();
        await page.Keyboard.PressAsync("Control+Home");
        await page.Keyboard.TypeAsync(line, new() { Delay = 20 });
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".df-op-unsaved")).ToBeVisibleAsync();
    }

    private static async Task TypeAndSaveAsync(IPage page, string line)
    {
        await TypeAsync(page, line);
        await page.Keyboard.PressAsync("Control+s");
        await Expect(page.Locator(".df-op-saved")).ToBeVisibleAsync();
    }

    private static string Code(ProjectDefinition project, string operation) =>
        project.Sources.Single(s => s.Path == $"operations/{operation}.cs").Text;
}
