using DeepForge.Models;
using DeepForge.Operations;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.Artifacts;

/// <summary>The download buttons for a model's ONNX and PyTorch exports, in Chromium on a real server, through the REST export route.</summary>
public sealed class ExportBrowserTests
{
    [Fact]
    public async Task A_models_row_offers_ONNX_and_PyTorch_downloads_that_the_browser_fetches_with_its_sign_in()
    {
        await using var server = await DesignerTestServer.StartAsync();
        await server.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        await server.Engine.Artifacts.SaveAsync("fm", "traindata", new[] { 1.0, 2.0 });
        await SaveModelAsync(server, "fm", "myModel");
        await using var browser = await DesignerBrowser.LaunchAsync();
        var page = browser.Page;

        await browser.OpenAsync(server.Url + "/projects/fm/artifacts");

        var model = page.Locator(".df-artifacts tbody tr", new PageLocatorOptions { HasText = "myModel" });
        await Assertions.Expect(model.Locator("a.df-artifact-export")).ToHaveTextAsync(["ONNX", "PyTorch"]);
        var data = page.Locator(".df-artifacts tbody tr", new PageLocatorOptions { HasText = "traindata" });
        await Assertions.Expect(data.Locator("a.df-artifact-export")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("artifacts-export-links.png");
        var onnx = await page.Context.APIRequest.GetAsync(server.Url + "/" + await model.Locator("a[data-format=onnx]").GetAttributeAsync("href"));
        var pytorch = await page.Context.APIRequest.GetAsync(server.Url + "/" + await model.Locator("a[data-format=pytorch]").GetAttributeAsync("href"));

        Assert.True(onnx.Ok, $"the ONNX download answered {onnx.Status}: {await onnx.TextAsync()}");
        Assert.Contains("filename=myModel.onnx", onnx.Headers["content-disposition"]);
        // An ONNX ModelProto opens with field 1, ir_version, as a varint: tag byte 0x08.
        Assert.Equal(0x08, (await onnx.BodyAsync())[0]);
        Assert.True(pytorch.Ok, $"the PyTorch download answered {pytorch.Status}");
        Assert.Contains("filename=myModel.pt", pytorch.Headers["content-disposition"]);
        Assert.Equal("PK"u8.ToArray(), (await pytorch.BodyAsync())[..2]);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task The_export_route_refuses_a_format_that_does_not_fit_the_artifact_with_the_reason()
    {
        await using var server = await DesignerTestServer.StartAsync();
        await server.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var data = await server.Engine.Artifacts.SaveAsync("fm", "traindata", new[] { 1.0, 2.0 });
        await using var browser = await DesignerBrowser.LaunchAsync();
        await browser.OpenAsync(server.Url + "/projects/fm/artifacts");

        var answer = await browser.Page.Context.APIRequest.GetAsync(server.Url + "/" + ProjectArtifactsUrl(data.Id, "onnx"));

        Assert.Equal(400, answer.Status);
        Assert.Contains("artifact 'traindata' is a Double[], which cannot be exported as onnx; no format exports it", await answer.TextAsync());
    }

    private static string ProjectArtifactsUrl(string id, string format) => DeepForge.Designer.Artifacts.ProjectArtifacts.ExportUrl("fm", id, format);

    // A network of the seed's architecture with fresh weights, saved as a Train operation's output would be.
    internal static async Task<ArtifactRecord> SaveModelAsync(DesignerTestServer server, string project, string name)
    {
        var definition = await server.Engine.Projects.GetAsync(project);
        var cnn = definition.Architectures.Single(a => a.Name == "cnn");
        using var model = new DeepForge.Torch.Data.Model(new Architecture(cnn, new Dictionary<string, ArchitectureDefinition>(), []));
        return await server.Engine.Artifacts.SaveAsync(project, name, model);
    }
}
