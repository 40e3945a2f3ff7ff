using DeepForge.Designer.Runs;
using DeepForge.Models;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.Executions;

/// <summary>An execution whose job no worker takes (the server has none), on its page in Chromium: why it waits, cancel, resume.</summary>
public sealed class QueuedAndResumeTests
{
    [Fact]
    public async Task QueuedNode_SaysWhyItWaits_AndResumeRunsACancelledExecutionOnAgain()
    {
        await using var site = await DesignerSite.StartAsync();
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var project = await site.Engine.Projects.GetAsync("fm");
        project.FindPipeline("download-normalize")!.FindNode("download")!.Labels.Add("gpu");
        await site.Engine.Projects.SaveAsync(project);
        var execution = await site.Services.GetRequiredService<ExecutionStarter>().StartAsync("fm", "download-normalize");
        var page = await site.OpenAsync($"/executions/{execution.Id}");

        await Expect(page.Locator(".df-node[data-node=download]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("df-status-queued"));
        await Expect(page.Locator(".df-job-waiting")).ToHaveTextAsync("waiting for a worker with: gpu");
        await site.ShotAsync(page, "exec-queued");

        await page.Locator(".df-cancel").ClickAsync();
        await Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Cancelled");
        await page.Locator(".df-resume").ClickAsync();

        await Expect(page.Locator(".df-execution-status")).ToHaveTextAsync("Running");
        await Expect(page.Locator(".df-job-waiting")).ToHaveTextAsync("waiting for a worker with: gpu");
        Assert.Equal(ExecutionStatus.Running, (await site.Engine.Executions.GetAsync(execution.Id)).Status);
        Assert.Empty(site.Errors);
    }
}
