using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeepForge.Api;
using DeepForge.Data;
using DeepForge.Identity;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>/api/v1/projects/{project}/schedules over loopback HTTP: add, read, pause, remove; refusals that name what is wrong.</summary>
public sealed class ScheduleEndpointTests
{
    [Fact]
    public async Task Post_StoresTheSchedule_AndGetShowsItsQuartzCronAndNextFires()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());

        using var added = await server.Api.Http.PostAsJsonAsync("/api/v1/projects/demo/schedules", new AddScheduleRequest("chain", "0 2 * * *"), Json.Options);
        await ApiClient.Expect(added, HttpStatusCode.Created);
        var id = (await added.Content.ReadFromJsonAsync<ScheduleView>(Json.Options))!.Id;
        var read = (await server.Api.Http.GetFromJsonAsync<ScheduleView>($"/api/v1/projects/demo/schedules/{id}", Json.Options))!;

        Assert.Equal(("0 0 2 * * ?", "run-once", false), (read.QuartzCron, read.Missed, read.Paused));
        Assert.All(read.NextFires, f => Assert.Equal((2, 0, 0), (f.UtcDateTime.Hour, f.UtcDateTime.Minute, f.UtcDateTime.Second)));
        Assert.Equal(3, read.NextFires.Count);
    }

    [Fact]
    public async Task Post_WithAnAttributeValueTheOperationRefuses_Is400NamingIt_AndStoresNothing()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var attributes = new Dictionary<string, Dictionary<string, JsonElement>> { ["numbers"] = new() { ["count"] = JsonSerializer.SerializeToElement(5000) } };

        using var refused = await server.Api.Http.PostAsJsonAsync("/api/v1/projects/demo/schedules", new AddScheduleRequest("chain", "0 2 * * *", attributes), Json.Options);

        await ApiClient.Expect(refused, HttpStatusCode.BadRequest);
        Assert.Contains("count", await refused.Content.ReadAsStringAsync());
        Assert.Empty((await server.Api.Http.GetFromJsonAsync<List<ScheduleView>>("/api/v1/projects/demo/schedules", Json.Options))!);
    }

    [Fact]
    public async Task Post_ByAViewer_IsForbidden()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var viewer = await server.ApiAsAsync("vera", PersonRole.Viewer);

        using var refused = await viewer.Http.PostAsJsonAsync("/api/v1/projects/demo/schedules", new AddScheduleRequest("chain", "0 2 * * *"), Json.Options);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task PauseAndDelete_ChangeTheStoredSchedule_AndAnUnknownIdIs404()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var added = await server.Api.Http.PostAsJsonAsync("/api/v1/projects/demo/schedules", new AddScheduleRequest("single", "*/5 * * * * ?", Missed: "skip"), Json.Options);
        var id = (await added.Content.ReadFromJsonAsync<ScheduleView>(Json.Options))!.Id;

        using var paused = await server.Api.Http.PostAsync($"/api/v1/projects/demo/schedules/{id}/pause", JsonContent.Create(new { }));
        var view = (await paused.Content.ReadFromJsonAsync<ScheduleView>(Json.Options))!;
        Assert.True(view.Paused);
        Assert.Empty(view.NextFires);
        using var deleted = await server.Api.Http.DeleteAsync($"/api/v1/projects/demo/schedules/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await server.Api.Http.GetAsync($"/api/v1/projects/demo/schedules/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
