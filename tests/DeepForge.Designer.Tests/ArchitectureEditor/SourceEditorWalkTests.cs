using DeepForge.Designer.Tests.OperationEditor;
using DeepForge.Designer.Tests.PipelineEditor;
using DeepForge.Models;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.ArchitectureEditor;

/// <summary>The custom layer editor opened for one layer after another, by the project page's links: each shows and saves its own code.</summary>
public sealed class SourceEditorWalkTests
{
    private const string Holder = ".df-source-monaco-holder";

    [Fact]
    public async Task OpeningOneCustomLayerAfterAnother_ShowsAndSavesEachOnesOwnCode()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Copied });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var project = await site.Engine.Projects.GetAsync("fm");
        project.Sources.Add(new SourceFile("layers/Residual.cs", TestLayers.Residual));
        project.Sources.Add(new SourceFile("layers/Doubled.cs", TestLayers.Residual.Replace("Residual", "Doubled", StringComparison.Ordinal)));
        await site.Engine.Projects.SaveAsync(project);
        var page = await site.OpenAsync("/projects/fm");

        await OpenAsync(page, "Residual");
        await page.Locator(".rz-breadcrumb a", new() { HasText = "fm" }).ClickAsync();
        await OpenAsync(page, "Doubled");
        await page.Locator(".monaco-editor .view-lines").ClickAsync();
        await page.Keyboard.PressAsync("Control+Home");
        await page.Keyboard.TypeAsync("// edited in Doubled", new() { Delay = 20 });
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".df-source-save").ClickAsync();

        await Eventually.TrueAsync(async () => Code(await site.Engine.Projects.GetAsync("fm"), "Doubled").StartsWith("// edited in Doubled", StringComparison.Ordinal));
        var stored = await site.Engine.Projects.GetAsync("fm");
        Assert.Contains("class Doubled", Code(stored, "Doubled"));
        Assert.Equal(TestLayers.Residual, Code(stored, "Residual"));
    }

    private static async Task OpenAsync(IPage page, string layer)
    {
        await page.Locator(".df-layer-card .rz-link", new() { HasTextRegex = new($"^{layer}$") }).ClickAsync();
        await Expect(page.Locator($"{Holder}[data-name={layer}]")).ToBeVisibleAsync();
        var code = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline && !code.Contains($"class {layer}"); await Task.Delay(200))
            code = await MonacoCode.OfAsync(page, Holder);
        Assert.True(code.Contains($"class {layer}"), $"the editor of {layer} holds:\n{code[..Math.Min(400, code.Length)]}");
    }

    private static string Code(ProjectDefinition project, string layer) => project.Sources.Single(s => s.Path == $"layers/{layer}.cs").Text;
}
