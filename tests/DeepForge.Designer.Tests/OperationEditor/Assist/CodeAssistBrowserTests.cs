using DeepForge.Designer.Tests.PipelineEditor;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.OperationEditor.Assist;

/// <summary>Completion, hover and signature help in the operation editor's Monaco, in Chromium, reached by clicking.</summary>
public sealed class CodeAssistBrowserTests
{
    [Fact]
    public async Task TypingContextDot_SuggestsTheOperationContextsMembers_AndAnOpenParenShowsTheSignature()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Copied, Torch = false });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await OpenTrainAsync(site);
        await NewLineAfterAsync(page, "var device = context.TorchDevice();");

        await page.Keyboard.TypeAsync("context.", new() { Delay = 40 });

        var suggestions = page.Locator(".suggest-widget.visible .monaco-list-row .label-name");
        await Expect(suggestions.Filter(new() { HasTextRegex = new("^Checkpoint$") })).ToBeVisibleAsync();
        await Expect(suggestions.Filter(new() { HasTextRegex = new("^Graph$") })).ToBeVisibleAsync();
        await site.ShotAsync(page, "op-editor-complete-1-context-dot");
        await page.Keyboard.TypeAsync("Pro", new() { Delay = 40 });
        await Expect(suggestions.Filter(new() { HasTextRegex = new("^Progress$") })).ToBeVisibleAsync();
        await site.ShotAsync(page, "op-editor-complete-2-progress");

        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("(", new() { Delay = 40 });
        var hints = page.Locator(".parameter-hints-widget.visible");
        await Expect(hints).ToContainTextAsync("void Progress(long done, long total, string? message = null)");
        await site.ShotAsync(page, "op-editor-complete-3-signature");
        Assert.Contains("context.Progress()", await MonacoCode.OfAsync(page));
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task HoveringOnATypeName_ShowsItsSignatureAndSummary()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Copied, Torch = false });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await OpenTrainAsync(site);

        var (x, y) = await PointAtAsync(page, "OperationContext context");
        await page.Mouse.MoveAsync(x - 20, y);
        await page.Mouse.MoveAsync(x, y, new() { Steps = 5 });

        var hover = page.Locator(".monaco-hover:not(.hidden)");
        await Expect(hover).ToContainTextAsync("class DeepForge.Operations.OperationContext");
        await site.ShotAsync(page, "op-editor-complete-4-hover");
        Assert.Empty(site.Errors);
    }

    private static async Task<IPage> OpenTrainAsync(DesignerSite site)
    {
        var page = await site.OpenAsync("/projects/fm");
        await page.Locator(".rz-link", new() { HasTextRegex = new("^Train$") }).First.ClickAsync();
        await Expect(page.Locator(".df-op-right[data-operation=Train]")).ToBeVisibleAsync();
        await Expect(page.Locator(".monaco-editor .view-line", new() { HasText = "class Train" })).ToBeVisibleAsync();
        return page;
    }

    private static async Task NewLineAfterAsync(IPage page, string line)
    {
        await page.Locator(".monaco-editor .view-line", new() { HasText = line }).ClickAsync();
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Where on the page the first character of <paramref name="text"/> is drawn in the operation editor's Monaco.</summary>
    private static async Task<(float X, float Y)> PointAtAsync(IPage page, string text)
    {
        var point = await page.EvaluateAsync<float[]>("""
            async text => {
                const id = document.querySelector(".df-op-right").dataset.editor;
                const editor = (await import("/_content/DeepForge.Designer/codeeditor.js")).editorOf(id);
                const model = editor.getModel();
                const at = model.getPositionAt(model.getValue().indexOf(text) + 3);
                editor.revealPositionInCenter(at);
                const shown = editor.getScrolledVisiblePosition(at);
                const box = editor.getDomNode().getBoundingClientRect();
                return [box.left + shown.left, box.top + shown.top + shown.height / 2];
            }
            """, text);
        return (point[0], point[1]);
    }
}
