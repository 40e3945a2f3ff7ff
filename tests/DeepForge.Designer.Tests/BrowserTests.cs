using DeepForge.Hosting;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests;

/// <summary>
/// The designer in Debian's Chromium (no browser download): a real server on a loopback port with a real engine.
/// Screenshots go to the test output folder, under screenshots/.
/// </summary>
public sealed class BrowserTests
{
    [Fact]
    public async Task Creates_a_project_from_the_fashion_mnist_seed_and_shows_its_pipeline_graph()
    {
        // Registered and mapped a second time: the designer says that is safe, and this test holds it to that.
        await using var site = await DesignerSite.StartAsync(new()
        {
            Seeds = TestSeeds.Shipped, Torch = false,
            Services = s => s.AddDeepForgeDesigner(), Map = app => app.MapDeepForgeDesigner(),
        });
        var url = site.Url;
        var page = await site.NewPageAsync(1400, 900);
        var errors = site.Errors;

        await page.GotoAsync(url + "/");
        await Assertions.Expect(page.Locator(".df-body[data-interactive=yes]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".df-no-projects")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".rz-header")).ToContainTextAsync("DeepForge");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("01-projects.png") });

        await page.Locator(".df-create-project").ClickAsync();
        await page.Locator(".df-create-dialog input").FillAsync("fashion");
        await page.Locator(".df-next").ClickAsync();
        await Assertions.Expect(page.Locator(".df-project-seed")).ToContainTextAsync("fashion-mnist");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("02-create-seed.png") });
        await page.Locator(".df-create").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(url + "/projects/fashion");
        await Assertions.Expect(page.Locator(".df-pipeline-card")).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("03-project.png") });

        await page.Locator(".df-pipeline-card a", new PageLocatorOptions { HasText = "train" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(url + "/projects/fashion/pipelines/train");
        var nodes = page.Locator(".df-node");
        await Assertions.Expect(nodes.First).ToBeVisibleAsync();
        var pipeline = (await site.Engine.Projects.GetAsync("fashion")).FindPipeline("train")!;
        await Assertions.Expect(nodes).ToHaveCountAsync(pipeline.Nodes.Count);
        await Assertions.Expect(page.Locator(".df-node-input").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".df-no-executions")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".df-no-executions")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.Screenshot("04-pipeline.png") });
        // Links are drawn once the browser has measured the ports: every connection of the pipeline.
        await Assertions.Expect(page.Locator("g.diagram-link")).ToHaveCountAsync(pipeline.Connections.Count);

        // Loaded directly, the diagram page is not prerendered and draws the same graph.
        await page.GotoAsync(url + "/projects/fashion/pipelines/train");
        await Assertions.Expect(nodes).ToHaveCountAsync(pipeline.Nodes.Count);

        Assert.Empty(errors);
    }
}
