using DeepForge.Designer.Runs;
using DeepForge.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.SignIn;

/// <summary>A person who has no part in a project finds nothing of it by its address, as if it did not exist.</summary>
public sealed class ProjectAccessBrowserTests
{
    [Fact]
    public async Task An_outsider_opening_a_pipeline_and_an_execution_by_address_sees_not_found_and_nothing_of_the_project()
    {
        await using var site = await DesignerSite.StartAsync(new() { Torch = false, Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        await site.Services.GetRequiredService<ProjectAccess>().SetOwnerAsync("fm", "olive", default);
        await site.AddPersonAsync("otto", PersonRole.Editor);
        var execution = await site.Services.GetRequiredService<ExecutionStarter>().StartAsync("fm", "download-normalize");

        var editor = await site.OpenAsync("/projects/fm/pipelines/train", person: "otto");
        await Expect(editor.Locator(".df-problem")).ToContainTextAsync("there is no project 'fm'");
        await Expect(editor.Locator(".df-node")).ToHaveCountAsync(0);
        await Expect(editor.Locator(".df-execution-tray, .df-execute")).ToHaveCountAsync(0);

        var run = await site.OpenAsync($"/executions/{execution.Id}", person: "otto");
        await Expect(run.Locator(".df-page-problem")).ToContainTextAsync($"there is no execution '{execution.Id}'");
        await Expect(run.Locator(".df-execution-status")).ToHaveCountAsync(0);
        await Expect(run.Locator("body")).Not.ToContainTextAsync("download-normalize");
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task An_outsider_comparing_two_executions_of_a_project_by_address_sees_not_found_and_nothing_of_them()
    {
        await using var site = await DesignerSite.StartAsync(new() { Torch = false, Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        await site.Services.GetRequiredService<ProjectAccess>().SetOwnerAsync("fm", "olive", default);
        await site.AddPersonAsync("otto", PersonRole.Editor);
        var starter = site.Services.GetRequiredService<ExecutionStarter>();
        var first = await starter.StartAsync("fm", "download-normalize");
        var second = await starter.StartAsync("fm", "download-normalize");

        var compare = await site.OpenAsync($"/executions/compare?a={first.Id}&b={second.Id}", person: "otto");

        await Expect(compare.Locator(".df-page-problem")).ToContainTextAsync($"there is no execution '{first.Id}'");
        await Expect(compare.Locator(".df-compare-head")).ToHaveCountAsync(0);
        await Expect(compare.Locator("body")).Not.ToContainTextAsync("download-normalize");
        Assert.Empty(site.Errors);
    }
}
