using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.OperationEditor;

/// <summary>The operation editor in Debian's Chromium, on a real server: Monaco and the interface diagram in step.</summary>
public sealed class OperationEditorBrowserTests
{
    [Fact]
    public async Task TypingAnExecuteParameterInMonaco_AddsTheInputToTheInterface_AndSaveStoresIt()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Copied, Torch = false });
        var url = site.Url;
        var engine = site.Engine;
        await engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.NewPageAsync(1500, 900);
        var errors = site.Errors;

        // The designer has no favicon (not this editor's business); any other failure in the console counts.
        page.Console += (_, m) => { if (m.Type == "error" && !m.Location.Contains("favicon.ico")) errors.Add($"{m.Text} ({m.Location})"); };
        await page.GotoAsync(url + "/projects/fm/operations/Train");
        await Assertions.Expect(page.Locator(".df-body[data-interactive=yes]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".df-op-interface")).ToBeVisibleAsync();
        var execute = page.Locator(".monaco-editor .view-line", new PageLocatorOptions { HasText = "public Model Execute(" });
        await Assertions.Expect(execute).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".df-op-input[data-name=trainingData]")).ToContainTextAsync("ImageDataset");
        await Assertions.Expect(page.Locator(".df-op-output[data-name=net]")).ToContainTextAsync("Model");
        await Assertions.Expect(page.Locator(".df-op-reference[data-name=net]")).ToContainTextAsync("Architecture");
        await Assertions.Expect(page.Locator(".df-op-attribute")).ToHaveCountAsync(9);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("op-editor-1-open.png") });

        // Into Monaco by the keyboard: to the start of the Execute line, past "public Model Execute(", then type.
        await execute.ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Home");
        for (var i = 0; i < "public Model Execute(".Length; i++) await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.TypeAsync("int extra, ", new KeyboardTypeOptions { Delay = 30 });
        await page.Keyboard.PressAsync("Escape");

        var extra = page.Locator(".df-op-input[data-name=extra]");
        await Assertions.Expect(extra).ToContainTextAsync("int");
        // Execute never reads it: amber in the diagram, a warning squiggle in Monaco.
        await Assertions.Expect(extra).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("df-op-warning"));
        await Assertions.Expect(page.Locator(".monaco-editor .squiggly-warning").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(".df-op-unsaved")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("op-editor-2-typed.png") });

        // And the other way: an attribute added in the diagram appears in the code.
        await page.Locator(".df-op-add-attribute").ClickAsync();
        await page.Locator(".df-op-form-name").FillAsync("patience");
        await page.Locator(".df-op-form-type").FillAsync("int");
        await page.Locator(".df-op-form-default").FillAsync("3");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("op-editor-3-add-attribute.png") });
        await page.Locator(".df-op-form-submit").ClickAsync();
        await Assertions.Expect(page.Locator(".df-op-attribute[data-name=patience]")).ToContainTextAsync("int = 3");
        var code = await MonacoCode.OfAsync(page);
        Assert.Contains("int seed = 1, int patience = 3)", code);
        Assert.Contains("Execute(int extra, ImageDataset trainingData, OperationContext context)", code);

        await page.Locator(".monaco-editor .view-lines").ClickAsync();
        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.Locator(".df-op-saved")).ToBeVisibleAsync();
        var stored = (await engine.Projects.GetAsync("fm")).Sources.Single(s => s.Path == "operations/Train.cs").Text;
        Assert.Equal(code, stored);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("op-editor-4-saved.png") });

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
