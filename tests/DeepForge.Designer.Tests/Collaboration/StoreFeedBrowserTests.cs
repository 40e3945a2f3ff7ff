using System.Net.Http.Headers;
using System.Text;
using DeepForge.Identity;
using DeepForge.Models;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace DeepForge.Designer.Tests.Collaboration;

/// <summary>Edits that reach open pages by the store's change feed: made by programs, not by another page.</summary>
public sealed class StoreFeedBrowserTests
{
    private const string TrainPath = "/projects/fm/pipelines/train";

    [Fact]
    public async Task OpenEditor_ShowsAPipelineEditedThroughTheRestApi_WithoutReload()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync(TrainPath);
        await Expect(page.Locator(".df-node[data-node=model]")).ToBeVisibleAsync();
        await Expect(page.Locator(".df-node[data-node=model]")).Not.ToContainTextAsync("restModel");

        using var api = await ApiClientAsync(site);
        await RenameModelOutputAsync(api, "restModel");

        await Expect(page.Locator(".df-node[data-node=model]")).ToContainTextAsync("restModel");
        Assert.Empty(site.Errors);
    }

    [Fact]
    public async Task ProjectPage_ListsAPipelineAddedThroughTheRestApi_WithoutReload()
    {
        await using var site = await DesignerSite.StartAsync(new() { Seeds = TestSeeds.Shipped });
        await site.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        var page = await site.OpenAsync("/projects/fm");
        await Expect(page.GetByText("train", new() { Exact = true }).First).ToBeVisibleAsync();
        await Expect(page.GetByText("fromTheApi")).ToHaveCountAsync(0);

        using var api = await ApiClientAsync(site);
        await EditAsync(api, p => p.Pipelines.Add(new PipelineDefinition { Name = "fromTheApi" }));

        await Expect(page.GetByText("fromTheApi").First).ToBeVisibleAsync();
    }

    private static async Task<HttpClient> ApiClientAsync(DesignerSite site)
    {
        var (_, token) = await site.Services.GetRequiredService<AccessTokens>().CreateAsync(DesignerTestServer.AdminName, null, "feed test", default);
        var client = new HttpClient { BaseAddress = new Uri(site.Url + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static Task RenameModelOutputAsync(HttpClient api, string name) =>
        EditAsync(api, p => p.FindPipeline("train")!.FindNode("model")!.Artifact = name);

    // As a program edits: read the project with its ETag, change it, save it under If-Match.
    private static async Task EditAsync(HttpClient api, Action<ProjectDefinition> edit)
    {
        using var read = await api.GetAsync("api/v1/projects/fm");
        read.EnsureSuccessStatusCode();
        var project = DeepForge.Data.Json.Deserialize<ProjectDefinition>(await read.Content.ReadAsStringAsync());
        edit(project);
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/v1/projects/fm")
        {
            Content = new StringContent(DeepForge.Data.Json.Serialize(project), Encoding.UTF8, "application/json"),
        };
        request.Headers.IfMatch.Add(read.Headers.ETag!);
        using var saved = await api.SendAsync(request);
        Assert.True(saved.IsSuccessStatusCode, $"the API refused the edit: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
    }
}
