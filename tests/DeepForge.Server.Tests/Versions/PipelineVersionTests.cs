using System.Net;
using DeepForge.Server.Tests.Infrastructure;
using static DeepForge.Server.Tests.Versions.VersionedApi;

namespace DeepForge.Server.Tests.Versions;

/// <summary>A pipeline's ETag is its project's version: replacing or removing a pipeline says which version it was read at.</summary>
public sealed class PipelineVersionTests
{
    [Fact]
    public async Task Replacing_a_pipeline_with_the_etag_it_was_read_with_is_stored_and_answers_the_new_etag()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var (pipeline, etag) = await GetPipelineAsync(server.Api.Http, "demo", "chain");
        pipeline.Nodes.Single(n => n.Id == "numbers").Attributes["count"] = System.Text.Json.JsonSerializer.SerializeToElement(5);

        using var saved = await PutPipelineAsync(server.Api.Http, "demo", pipeline, etag);
        var (stored, storedTag) = await GetPipelineAsync(server.Api.Http, "demo", "chain");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(ETagOf(saved), storedTag);
        Assert.Equal(5, stored.Nodes.Single(n => n.Id == "numbers").Attributes["count"].GetInt32());
    }

    [Fact]
    public async Task Replacing_a_pipeline_read_before_another_change_of_the_project_is_refused_with_412_and_the_other_change_stays()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var (mine, myTag) = await GetPipelineAsync(server.Api.Http, "demo", "chain");
        var (project, projectTag) = await GetProjectAsync(server.Api.Http, "demo");
        project.Description = "someone else's change";
        using var other = await PutProjectAsync(server.Api.Http, project, projectTag);
        mine.Nodes.RemoveAll(n => n.Id == "sum");

        using var stale = await PutPipelineAsync(server.Api.Http, "demo", mine, myTag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(VersionOf(ETagOf(other)), await CurrentVersionAsync(stale));
        var (stored, _) = await GetProjectAsync(server.Api.Http, "demo");
        Assert.Equal("someone else's change", stored.Description);
        Assert.Contains(stored.FindPipeline("chain")!.Nodes, n => n.Id == "sum");
    }

    [Fact]
    public async Task Replacing_an_existing_pipeline_without_a_version_is_refused_with_428()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var (pipeline, _) = await GetPipelineAsync(server.Api.Http, "demo", "chain");
        pipeline.Nodes.Clear();

        using var refused = await PutPipelineAsync(server.Api.Http, "demo", pipeline, ifMatch: null);

        Assert.Equal(HttpStatusCode.PreconditionRequired, refused.StatusCode);
        Assert.Contains("If-Match", (await BodyAsync(refused)).GetProperty("detail").GetString());
        Assert.NotEmpty((await GetPipelineAsync(server.Api.Http, "demo", "chain")).Pipeline.Nodes);
    }

    [Fact]
    public async Task Removing_a_pipeline_needs_the_etag_it_was_read_with()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var (_, etag) = await GetPipelineAsync(server.Api.Http, "demo", "gpu");

        using var unversioned = await DeletePipelineAsync(server.Api.Http, "demo", "gpu", ifMatch: null);
        using var removed = await DeletePipelineAsync(server.Api.Http, "demo", "gpu", etag);

        Assert.Equal(HttpStatusCode.PreconditionRequired, unversioned.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Null((await GetProjectAsync(server.Api.Http, "demo")).Project.FindPipeline("gpu"));
    }
}
