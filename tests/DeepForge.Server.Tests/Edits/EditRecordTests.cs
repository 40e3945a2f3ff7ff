using System.Net;
using DeepForge.Models;
using DeepForge.Identity;
using DeepForge.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DeepForge.Server.Tests.Versions.VersionedApi;

namespace DeepForge.Server.Tests.Edits;

/// <summary>Every change to a project over the REST API records who made it and when, per object and in the project's history.</summary>
public sealed class EditRecordTests
{
    [Fact]
    public async Task Changing_a_pipeline_records_the_signed_in_person_on_it_and_on_the_project_and_leaves_other_objects_alone()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var alice = await EditorAsync(server, "alice");
        var (pipeline, etag) = await GetPipelineAsync(alice.Http, "demo", "chain");
        pipeline.Description = "alice was here";

        using var saved = await PutPipelineAsync(alice.Http, "demo", pipeline, etag);
        var (project, _) = await GetProjectAsync(server.Api.Http, "demo");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("alice", project.LastEdit?.By);
        Assert.Equal("alice", project.LastEditOf("pipeline", "chain")?.By);
        Assert.Equal(ServerHost.AdminName, project.LastEditOf("pipeline", "single")?.By);
        var last = project.History[^1];
        Assert.Equal(("alice", "pipeline chain", "changed pipeline chain"), (last.By, last.Object, last.Summary));
        Assert.Equal(project.LastEdit!.At, project.LastEditOf("pipeline", "chain")!.At);
    }

    [Fact]
    public async Task A_new_project_records_its_creator_on_every_object()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);

        await server.Api.SaveProjectAsync(TestProjects.Create());
        var (project, _) = await GetProjectAsync(server.Api.Http, "demo");

        Assert.All(project.Pipelines, p => Assert.Equal(ServerHost.AdminName, project.LastEditOf("pipeline", p.Name)?.By));
        Assert.All(project.Sources, s => Assert.Equal(ServerHost.AdminName, project.LastEditOf("source", s.Path)?.By));
        Assert.Equal(("project", "created the project"), (Assert.Single(project.History).Object, project.History[0].Summary));
    }

    [Fact]
    public async Task Edit_records_a_writer_sends_are_ignored_and_the_stored_ones_kept()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var (project, etag) = await GetProjectAsync(server.Api.Http, "demo");
        var forged = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
        project.LastEdit = new EditStamp("mallory", forged);
        project.ObjectEdits = [new ObjectEdit("pipeline", "chain", "mallory", forged)];
        project.History = [new ProjectEditEntry("mallory", forged, "project", "did nothing wrong")];
        project.Description = "changed";

        using var saved = await PutProjectAsync(server.Api.Http, project, etag);
        var (stored, _) = await GetProjectAsync(server.Api.Http, "demo");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(ServerHost.AdminName, stored.LastEdit?.By);
        Assert.Equal(ServerHost.AdminName, stored.LastEditOf("pipeline", "chain")?.By);
        Assert.DoesNotContain(stored.History, e => e.By == "mallory");
        Assert.Equal("changed the project's description", stored.History[^1].Summary);
    }

    [Fact]
    public async Task Removing_a_pipeline_is_in_the_history_and_its_record_goes_with_it()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var bob = await EditorAsync(server, "bob");
        var (_, etag) = await GetPipelineAsync(bob.Http, "demo", "gpu");

        using var removed = await DeletePipelineAsync(bob.Http, "demo", "gpu", etag);
        var (project, _) = await GetProjectAsync(server.Api.Http, "demo");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Null(project.LastEditOf("pipeline", "gpu"));
        Assert.Equal(("bob", "removed pipeline gpu"), (project.History[^1].By, project.History[^1].Summary));
    }

    [Fact]
    public async Task A_viewers_refused_edit_records_nothing()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var viewer = await server.ApiAsAsync("victor", PersonRole.Viewer);
        await server.Services.GetRequiredService<ProjectAccess>().ShareAsync("demo", "victor", PersonRole.Viewer, default);
        var (pipeline, etag) = await GetPipelineAsync(viewer.Http, "demo", "chain");
        pipeline.Description = "victor was here";

        using var refused = await PutPipelineAsync(viewer.Http, "demo", pipeline, etag);
        var (project, _) = await GetProjectAsync(server.Api.Http, "demo");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(project.History, e => e.By == "victor");
        Assert.Equal(ServerHost.AdminName, project.LastEdit?.By);
    }

    [Fact]
    public async Task The_project_list_says_who_changed_each_project_last()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var alice = await EditorAsync(server, "alice");
        var (pipeline, etag) = await GetPipelineAsync(alice.Http, "demo", "chain");
        pipeline.Description = "alice was here";
        using var saved = await PutPipelineAsync(alice.Http, "demo", pipeline, etag);

        using var list = await server.Api.Http.GetAsync("/api/v1/projects");
        var demo = (await BodyAsync(list)).EnumerateArray().Single(p => p.GetProperty("name").GetString() == "demo");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("alice", demo.GetProperty("lastEdit").GetProperty("by").GetString());
    }

    private static async Task<ApiClient> EditorAsync(ServerHost server, string name)
    {
        var api = await server.ApiAsAsync(name, PersonRole.Editor);
        await server.Services.GetRequiredService<ProjectAccess>().ShareAsync("demo", name, PersonRole.Editor, default);
        return api;
    }
}
