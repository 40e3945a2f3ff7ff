using DeepForge.Models;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.PipelineEditor;

/// <summary>Two people with the same pipeline open, each in a browser context of their own.</summary>
public sealed class CollaborationTests
{
    private const string TrainPath = "/projects/fm/pipelines/train";

    [Fact]
    public async Task SecondBrowser_SeesNodeAddedInFirst_WithinOneSecond()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var alice = await site.OpenAsync(TrainPath);
        var bob = await site.OpenAsync(TrainPath);
        await Expect(bob.Locator(".df-node")).ToHaveCountAsync(3);

        await alice.Locator(".df-add-input").ClickAsync();
        await Expect(alice.Locator(".df-node[data-node=input]")).ToBeVisibleAsync();
        // The issue asks for "within a second": measured from when the first browser shows its own edit.
        await Expect(bob.Locator(".df-node[data-node=input]")).ToBeVisibleAsync(new() { Timeout = 1000 });
        await site.ShotAsync(bob, "collab-second-browser");
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task BothEditsAreKept_WhenTwoPeopleEditTheSamePipelineAtOnce()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var alice = await site.OpenAsync(TrainPath);
        var bob = await site.OpenAsync(TrainPath);
        await SelectAsync(alice, "train");
        await SelectAsync(bob, "model");

        var epochs = alice.Locator(".df-node-panel .df-attribute[data-attribute=epochs] input");
        await epochs.FillAsync("2");
        var name = bob.Locator(".df-node-panel .df-output-name");
        await name.FillAsync("bobsModel");
        await Task.WhenAll(epochs.PressAsync("Tab"), name.PressAsync("Tab"));

        await Expect(alice.Locator(".df-node[data-node=model]")).ToContainTextAsync("bobsModel");
        await Expect(bob.Locator(".df-node[data-node=model]")).ToContainTextAsync("bobsModel");
        // Bob's edit showing in both pages says nothing of when Alice's is stored: the two go one at a time, so wait for both.
        await Eventually.TrueAsync(async () => (await site.Engine.Projects.GetAsync("fm")).FindPipeline("train")! is var p
            && p.FindNode("train")!.Attributes["epochs"].GetInt32() == 2 && p.FindNode("model")!.Artifact == "bobsModel");
        await SelectAsync(bob, "train");
        await Expect(bob.Locator(".df-node-panel .df-attribute[data-attribute=epochs] input")).ToHaveValueAsync("2");
    }

    private static async Task SelectAsync(IPage page, string node)
    {
        await page.Locator($".df-node[data-node='{node}'] .df-node-title").ClickAsync();
        await Expect(page.Locator(".df-node-panel .df-panel-title")).ToHaveTextAsync(node);
    }
}
