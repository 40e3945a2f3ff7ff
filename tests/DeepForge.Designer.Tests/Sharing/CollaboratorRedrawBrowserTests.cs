using DeepForge.Designer.Tests.PipelineEditor;
using DeepForge.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.Sharing;

/// <summary>
/// Two people on one pipeline, in Chromium: the other person's edits reach this page without replacing the nodes they did
/// not change, so a click or drag begun on one as the edit arrives is not lost with its element.
/// </summary>
public sealed class CollaboratorRedrawBrowserTests
{
    private const string TrainPath = "/projects/fm/pipelines/train";

    [Fact]
    public async Task AnotherPersonsEdit_KeepsTheNodesItDidNotChange_AndMovesTheOneTheyDragged()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        await site.AddPersonAsync("bob", PersonRole.Admin);
        var alice = await site.OpenAsync(TrainPath);
        var bob = await site.OpenAsync(TrainPath, person: "bob");
        await MarkNodesAsync(bob);
        var before = (await bob.Locator(".df-node[data-node=model]").BoundingBoxAsync())!;

        await NodeDrag.ByAsync(alice, "model", 300, 0);

        await Eventually.TrueAsync(async () => (await bob.Locator(".df-node[data-node=model]").BoundingBoxAsync())!.X > before.X + 200);
        await Expect(bob.Locator(".df-editor-toolbar .df-last-edit-by")).ToHaveTextAsync("admin");
        Assert.Equal(["model", "train", "trainingdata"], await MarkedNodesAsync(bob));
        await site.ShotAsync(bob, "collaborator-redraw-moved");
        Assert.Empty(site.Errors);
    }

    // An expando on each node's element: it stays only while the page keeps that very element.
    private static Task MarkNodesAsync(IPage page) =>
        page.EvaluateAsync("() => document.querySelectorAll('.df-node').forEach(n => n.dfMark = n.dataset.node)");

    private static async Task<string[]> MarkedNodesAsync(IPage page) =>
        [.. (await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.df-node')].filter(n => n.dfMark === n.dataset.node).map(n => n.dataset.node)")).Order()];
}
