using DeepForge.Designer.Tests.OperationEditor;
using DeepForge.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.Sharing;

/// <summary>
/// Two people opening code editors at the same moment on one server: each editor is made in, and read from, its own
/// person's browser. (BlazorMonaco 3.0.0's component made every editor through the runtime of the circuit whose editor
/// was initialised last, so when two opened together one person's editor, with its code, could be sent to the other.)
/// </summary>
public sealed class TwoEditorsBrowserTests
{
    [Fact]
    public async Task Saving_StoresEachPersonsOwnTypedCode_WhenTwoPeopleHaveOperationEditorsOpen()
    {
        await using var site = await DesignerSite.StartAsync(new() { Torch = false, Seeds = TestSeeds.Copied });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        await site.AddPersonAsync("eve", PersonRole.Editor);
        await site.Services.GetRequiredService<ProjectAccess>().ShareAsync("fm", "eve", PersonRole.Editor, default);
        var admin = await site.OpenAsync("/projects/fm");
        var eve = await site.OpenAsync("/projects/fm", "eve");

        // Both click at once: each editor is made while the other person's is being made.
        await Task.WhenAll(OpenOperationAsync(admin, "Train"), OpenOperationAsync(eve, "Test"));

        await TypeOnTopAsync(admin, "// typed by the admin");
        await TypeOnTopAsync(eve, "// typed by eve");
        await SaveAsync(admin);
        await SaveAsync(eve);

        var project = await site.Engine.Projects.GetAsync("fm");
        var train = project.Sources.Single(s => s.Path == "operations/Train.cs").Text;
        var test = project.Sources.Single(s => s.Path == "operations/Test.cs").Text;
        Assert.StartsWith("// typed by the admin", train);
        Assert.StartsWith("// typed by eve", test);
        Assert.DoesNotContain("typed by eve", train);
        Assert.DoesNotContain("typed by the admin", test);
        Assert.Equal(train, await MonacoCode.OfAsync(admin));
        Assert.Equal(test, await MonacoCode.OfAsync(eve));
        Assert.Empty(site.Errors);
    }

    // From the project page by clicking the operation's card, as people do; returns once its code is shown.
    private static async Task OpenOperationAsync(IPage page, string operation)
    {
        await page.Locator(".df-operation-card").GetByRole(AriaRole.Link, new() { Name = operation, Exact = true }).ClickAsync();
        // Monaco's first load in a test run fetches and compiles its scripts: on a loaded machine that took longer than 30 s.
        await Expect(page.Locator(".monaco-editor .view-line").First).ToBeVisibleAsync(new() { Timeout = 90_000 });
    }

    private static async Task TypeOnTopAsync(IPage page, string line)
    {
        await page.Locator(".monaco-editor .view-lines").ClickAsync();
        await page.Keyboard.PressAsync("Control+Home");
        await page.Keyboard.TypeAsync(line);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".df-op-unsaved")).ToBeVisibleAsync();
    }

    private static async Task SaveAsync(IPage page)
    {
        await page.Keyboard.PressAsync("Control+s");
        await Expect(page.Locator(".df-op-unsaved")).ToHaveCountAsync(0);
    }
}
