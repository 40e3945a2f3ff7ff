using DeepForge.Designer.Runs;
using DeepForge.Identity;
using DeepForge.Models;
using DeepForge.Runtime;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.Executions;

/// <summary>
/// The operation cache is keyed by code and inputs, not by project, so a node of one project can reuse a run of
/// another: the reused run's metrics and graphs are shown only to people who may read the project it belongs to.
/// </summary>
public sealed class ReusedRunAccessBrowserTests
{
    private const string Other = "other";

    [Fact]
    public async Task ACachedNode_ReusingAnotherProjectsRun_ShowsItsMetricsOnlyToThoseWhoMayReadThatProject()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.None, Torch = false, InProcessJobs = true });
        var (first, second) = await RunInTwoProjectsAsync(site);

        // bob owns "other" only: its cached node's metrics came from alice's project, which he cannot read.
        var bob = await site.OpenAsync($"/executions/{second.Id}", person: "bob");
        await Expect(bob.Locator(".df-execution-status")).ToHaveTextAsync("Succeeded");
        await bob.Locator($".df-job-tab[data-node={LiveProject.Evaluate}]").ClickAsync();
        await Expect(bob.Locator($".df-job[data-node={LiveProject.Evaluate}] .df-reused-feedback-problem")).ToContainTextAsync("belongs to a project you cannot open");
        await Expect(bob.Locator(".df-metrics")).ToHaveCountAsync(0);
        await Expect(bob.Locator($".df-job[data-node={LiveProject.Evaluate}]")).Not.ToContainTextAsync("94.25");
        await site.ShotAsync(bob, "metrics-reused-from-a-project-you-cannot-read");

        // alice may read both projects: the same page shows her the reused run's metrics.
        var alice = await site.OpenAsync($"/executions/{second.Id}", person: "alice");
        await Expect(alice.Locator(".df-metrics-table tr[data-metric='accuracy'] .df-metric-value")).ToHaveTextAsync("94.25 %");
        Assert.NotEqual(first.Id, second.Id);
        Assert.Empty(site.Errors);
    }

    // alice's project "live" runs first; bob's "other", the same code, reuses its nodes from the cache.
    private static async Task<(ExecutionRecord First, ExecutionRecord Second)> RunInTwoProjectsAsync(DesignerSite site)
    {
        await site.AddPersonAsync("alice", PersonRole.Editor);
        await site.AddPersonAsync("bob", PersonRole.Editor);
        var access = site.Services.GetRequiredService<ProjectAccess>();
        await site.Engine.Projects.SaveAsync(LiveProject.Create(steps: 2));
        var other = LiveProject.Create(steps: 2);
        other.Name = Other;
        await site.Engine.Projects.SaveAsync(other);
        await access.SetOwnerAsync(LiveProject.Name, "alice", default);
        await access.SetOwnerAsync(Other, "bob", default);
        await access.ShareAsync(Other, "alice", PersonRole.Viewer, default);

        var starter = site.Services.GetRequiredService<ExecutionStarter>();
        var first = await starter.StartAsync(LiveProject.Name, LiveProject.Pipeline, new RunOptions());
        await PipelineEditor.Eventually.TrueAsync(async () => (await site.Engine.Executions.GetAsync(first.Id)).Status == ExecutionStatus.Succeeded);
        var second = await starter.StartAsync(Other, LiveProject.Pipeline, new RunOptions());
        await PipelineEditor.Eventually.TrueAsync(async () => (await site.Engine.Executions.GetAsync(second.Id)).Status == ExecutionStatus.Succeeded);
        var evaluate = (await site.Engine.Executions.NodesAsync(second.Id)).Single(n => n.NodeId == LiveProject.Evaluate);
        Assert.Equal((true, first.Id), (evaluate.FromCache, evaluate.ReusedExecution)); // the premise: reused across projects
        return (first, second);
    }
}
