using System.Net.Http.Json;
using DeepForge.Designer.Runs;
using DeepForge.Dispatch;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DeepForge.Designer.Tests.Workers;

/// <summary>The workers page in Chromium: workers connect through the runner HTTP API (as deepforge start --worker does) and lease a job.</summary>
public sealed class WorkersBrowserTests
{
    [Fact]
    public async Task Shows_connected_workers_their_running_job_and_a_job_waiting_for_labels_and_follows_them()
    {
        await using var server = await DesignerTestServer.StartAsync();
        await server.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        await server.Engine.Projects.CreateAsync("fm-gpu", "fashion-mnist");
        var gpu = await server.Engine.Projects.GetAsync("fm-gpu");
        gpu.FindPipeline("download-normalize")!.Nodes.Single(n => n.Id == "download").Labels = ["gpu"];
        await server.Engine.Projects.SaveAsync(gpu);
        var starter = server.Services.GetRequiredService<ExecutionStarter>();
        var running = await starter.StartAsync("fm", "download-normalize");
        var waiting = await starter.StartAsync("fm-gpu", "download-normalize");
        await UntilQueuedAsync(server, running.Id);
        await UntilQueuedAsync(server, waiting.Id);
        using var http = server.Client();

        var lease = await http.PostAsJsonAsync("api/v1/runners/lease", new { runnerId = "workstation-1", labels = new[] { "cpu", "cuda" }, slots = 2, host = "workstation-1.lan", waitSeconds = 0 });
        Assert.Equal(System.Net.HttpStatusCode.OK, lease.StatusCode);
        var idle = await http.PostAsJsonAsync("api/v1/runners/lease", new { runnerId = "laptop", labels = new[] { "cpu" }, slots = 1, host = "laptop.lan", waitSeconds = 0 });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, idle.StatusCode);

        await using var browser = await DesignerBrowser.LaunchAsync();
        var page = browser.Page;
        await browser.OpenAsync(server.Url + "/");
        await page.Locator(".rz-navigation-item", new PageLocatorOptions { HasText = "Workers" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(server.Url + "/workers");

        var workstation = page.Locator("[data-worker='workstation-1']");
        await Assertions.Expect(workstation.Locator(".df-worker-state")).ToContainTextAsync("alive");
        await Assertions.Expect(workstation.Locator(".df-worker-labels")).ToContainTextAsync("cuda");
        await Assertions.Expect(workstation).ToContainTextAsync("1 of 2 slots busy");
        await Assertions.Expect(workstation.Locator(".df-worker-job")).ToContainTextAsync("LoadFashionMnist");
        await Assertions.Expect(workstation.Locator(".df-worker-job a")).ToContainTextAsync("fm / download-normalize");
        await Assertions.Expect(page.Locator("[data-worker='laptop']")).ToContainTextAsync("No running jobs");
        var queued = page.Locator(".df-waiting-job");
        await Assertions.Expect(queued).ToContainTextAsync("fm-gpu / download-normalize");
        await Assertions.Expect(queued.Locator(".df-waiting-why")).ToContainTextAsync("waiting for a worker with: gpu");
        await browser.ScreenshotAsync("workers-running.png");

        // A gpu worker connects and takes the waiting job: the page follows without a reload.
        var gpuLease = await http.PostAsJsonAsync("api/v1/runners/lease", new { runnerId = "gpu-box", labels = new[] { "cpu", "gpu" }, slots = 1, waitSeconds = 0 });
        Assert.Equal(System.Net.HttpStatusCode.OK, gpuLease.StatusCode);
        await Assertions.Expect(page.Locator("[data-worker='gpu-box'] .df-worker-job")).ToContainTextAsync("fm-gpu / download-normalize");
        await Assertions.Expect(page.Locator(".df-no-waiting")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("workers-gpu-joined.png");

        // The link leads to the execution.
        await workstation.Locator(".df-worker-job a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(server.Url + "/executions/" + running.Id);

        Assert.Empty(browser.Errors);
    }

    private static async Task UntilQueuedAsync(DesignerTestServer server, string execution)
    {
        var jobs = new JobStore(server.Services.GetRequiredService<DeepForgeStore>().Documents);
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2);
        while (!(await jobs.QueuedAsync(CancellationToken.None)).Any(j => j.ExecutionId == execution))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"no job of execution {execution} was queued");
            await Task.Delay(100);
        }
    }
}
