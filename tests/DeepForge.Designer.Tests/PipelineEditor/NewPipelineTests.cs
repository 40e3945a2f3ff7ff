using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.PipelineEditor;

/// <summary>Making a pipeline from nothing on the project page, in Chromium.</summary>
public sealed class NewPipelineTests
{
    [Fact]
    public async Task NewPipeline_OpensEmptyInTheEditor_AndKeepsTheNodesAdded()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm");

        await page.Locator(".df-new-pipeline").ClickAsync();
        await page.Locator(".df-new-pipeline-name input, input.df-new-pipeline-name").First.FillAsync("train");
        await page.Locator(".df-new-pipeline-create").ClickAsync();
        await Expect(page.Locator(".df-new-pipeline-dialog .df-problem")).ToContainTextAsync("has a pipeline 'train' already");

        await page.Locator(".df-new-pipeline-name input, input.df-new-pipeline-name").First.FillAsync("mine");
        await page.Locator(".df-new-pipeline-create").ClickAsync();
        await Expect(page).ToHaveURLAsync(site.Url + "/projects/fm/pipelines/mine");
        await page.Locator(".df-add-input").ClickAsync();
        await page.Locator(".df-add-output").ClickAsync();
        await Expect(page.Locator(".df-node")).ToHaveCountAsync(2);
        await site.ShotAsync(page, "pipeline-new");

        var pipeline = (await site.Engine.Projects.GetAsync("fm")).FindPipeline("mine")!;
        Assert.Equal(["input", "output"], pipeline.Nodes.Select(n => n.Id));
    }

    [Fact]
    public async Task DeletingANode_RemovesItAndItsConnections()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm/pipelines/download-normalize");

        await page.Locator(".df-node[data-node='classes'] .df-node-title").ClickAsync();
        await page.Locator(".df-delete-node").ClickAsync();
        await Expect(page.Locator(".df-node")).ToHaveCountAsync(4);
        await Expect(page.Locator("g.diagram-link")).ToHaveCountAsync(4);

        await Eventually.TrueAsync(async () => (await site.Engine.Projects.GetAsync("fm")).FindPipeline("download-normalize")! is var p
            && p.FindNode("classes") == null && p.Connections.All(c => c.To != "classes.data"));
    }
}
