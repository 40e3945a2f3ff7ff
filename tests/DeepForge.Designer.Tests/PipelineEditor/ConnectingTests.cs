using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.PipelineEditor;

/// <summary>Adding an operation from the dialog and connecting ports by dragging, in Chromium.</summary>
public sealed class ConnectingTests
{
    private const string Path = "/projects/fm/pipelines/download-normalize";

    [Fact]
    public async Task DraggingALink_SaysWhyNot_WhenTheTypesDoNotFit_AndConnects_WhenTheyDo()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync(Path);
        await AddOperationAsync(page, "Test");
        await site.ShotAsync(page, "pipeline-added-test");

        await DragAsync(page, "download.trainingData", "test.net", drop: true);
        // Over the refused port the hint says why; dropped there, nothing is connected and the reason stays in a notification.
        await Expect(page.Locator(".rz-notification")).ToContainTextAsync("gives ImageDataset but the input takes Model");
        Assert.DoesNotContain((await site.Engine.Projects.GetAsync("fm")).FindPipeline("download-normalize")!.Connections, c => c.To == "test.net");

        await DragAsync(page, "download.classes", "test.classes", drop: true);
        await Expect(page.Locator("g.diagram-link")).ToHaveCountAsync(6);
        await Eventually.TrueAsync(async () => (await site.Engine.Projects.GetAsync("fm")).FindPipeline("download-normalize")!
            .Connections.Any(c => c is { From: "download.classes", To: "test.classes" }));
        await site.ShotAsync(page, "pipeline-connected");
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task DraggingOverAPortThatDoesNotFit_ShowsTheReason_WhileDragging()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync(Path);
        await AddOperationAsync(page, "Test");

        await DragAsync(page, "download.trainingData", "test.net", drop: false);
        await Expect(page.Locator(".df-drag-hint")).ToContainTextAsync("download.trainingData → test.net: it gives ImageDataset but the input takes Model");
        await Expect(page.Locator(".df-port-row[data-port='test.net']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("df-port-refused"));
        await Expect(page.Locator(".df-port-row[data-port='test.testingData']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("df-port-fits"));
        await site.ShotAsync(page, "pipeline-drag-refused");
        await page.Mouse.UpAsync();
    }

    [Fact]
    public async Task HoveringAPort_ShowsItsFullNameAndType()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm/pipelines/test");
        var port = page.Locator(".df-port-row[data-port='test.testingData']");
        await port.HoverAsync();
        await Expect(port.Locator(".df-port-tip")).ToBeVisibleAsync();
        await Expect(port.Locator(".df-port-tip")).ToHaveTextAsync("test.testingData : ImageDataset (input)");
        await site.ShotAsync(page, "pipeline-port-tooltip");
    }

    private static async Task AddOperationAsync(IPage page, string operation)
    {
        await page.Locator(".df-add-operation").ClickAsync();
        await page.Locator(".df-operation-filter").FillAsync(operation);
        await page.Locator($".df-op-item[data-operation='{operation}']").ClickAsync();
        await Expect(page.Locator($".df-node[data-node='{operation.ToLowerInvariant()}']")).ToBeVisibleAsync();
    }

    /// <summary>Presses on one port's dot and moves onto another's in small steps, as a hand would; releases there when asked.</summary>
    private static async Task DragAsync(IPage page, string from, string to, bool drop)
    {
        var start = await CentreAsync(page, from);
        var end = await CentreAsync(page, to);
        await page.Mouse.MoveAsync(start.X, start.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((start.X + end.X) / 2, (start.Y + end.Y) / 2 + 40, new() { Steps = 8 });
        await page.Mouse.MoveAsync(end.X, end.Y, new() { Steps = 8 });
        if (drop) await page.Mouse.UpAsync();
    }

    private static async Task<(float X, float Y)> CentreAsync(IPage page, string port)
    {
        var box = await page.Locator($".df-port-row[data-port='{port}'] .df-port").BoundingBoxAsync() ?? throw new InvalidOperationException($"port {port} is not on the page");
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }
}
