using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.OperationEditor;

/// <summary>Code longer than one message of the circuit (32 KB) is read from Monaco and saved whole, the connection kept.</summary>
public sealed class LongCodeBrowserTests
{
    [Fact]
    public async Task Saving_StoresTheWholeCode_WhenItIsLongerThanACircuitMessage()
    {
        await using var site = await DesignerSite.StartAsync(new() { Torch = false, Seeds = TestSeeds.Copied });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var project = await site.Engine.Projects.GetAsync("fm");
        var index = project.Sources.FindIndex(s => s.Path == "operations/Train.cs");
        // About 48,000 characters, some of them ones JSON escapes or writes in several bytes.
        var notes = string.Concat(Enumerable.Range(0, 800).Select(i => $"// note {i:D4}: \"quoted\", tab\t, é and 日本 {new string('x', 40)}\n"));
        var stored = notes + project.Sources[index].Text;
        project.Sources[index] = project.Sources[index] with { Text = stored };
        await site.Engine.Projects.SaveAsync(project);
        var page = await site.OpenAsync("/projects/fm");
        await page.Locator(".df-operation-card").GetByRole(AriaRole.Link, new() { Name = "Train", Exact = true }).ClickAsync();
        // Monaco's first load in a test run fetches and compiles its scripts: on a loaded machine that took longer than 30 s.
        await Expect(page.Locator(".monaco-editor .view-line").First).ToBeVisibleAsync(new() { Timeout = 90_000 });

        await page.Locator(".monaco-editor .view-lines").ClickAsync();
        await page.Keyboard.PressAsync("Control+Home");
        await page.Keyboard.TypeAsync("// typed on top");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".df-op-unsaved")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Control+s");
        await Expect(page.Locator(".df-op-unsaved")).ToHaveCountAsync(0);

        var saved = (await site.Engine.Projects.GetAsync("fm")).Sources.Single(s => s.Path == "operations/Train.cs").Text;
        Assert.Equal("// typed on top\n" + stored, saved);
        // Still connected: leaving by the breadcrumb works.
        await page.GetByRole(AriaRole.Link, new() { Name = "fm", Exact = true }).ClickAsync();
        await Expect(page.Locator(".df-operation-card")).Not.ToHaveCountAsync(0);
        Assert.Empty(site.Errors);
    }
}
