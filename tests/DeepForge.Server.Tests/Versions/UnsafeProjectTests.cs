using System.Net;
using DeepForge.Models;
using DeepForge.Server.Tests.Infrastructure;
using static DeepForge.Server.Tests.Versions.VersionedApi;

namespace DeepForge.Server.Tests.Versions;

/// <summary>
/// A PUT of a project that could not be written out as a folder (a source path leaving it) or addressed as node.port
/// (an id with a dot) is refused with 400 naming the place, and the stored project stays as it was; unlike code that
/// does not compile, which is stored as work in progress.
/// </summary>
public sealed class UnsafeProjectTests
{
    [Theory]
    [InlineData("../../evil.cs")]
    [InlineData("/tmp/evil.cs")]
    public async Task A_put_with_a_source_path_leaving_the_project_is_400_and_stores_nothing(string path)
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var (project, etag) = await GetProjectAsync(server.Api.Http, "demo");
        project.Sources.Add(new SourceFile(path, "// evil"));

        using var saved = await PutProjectAsync(server.Api.Http, project, etag);

        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        Assert.Contains($"source '{path}'", await saved.Content.ReadAsStringAsync());
        Assert.Equal(etag, (await GetProjectAsync(server.Api.Http, "demo")).ETag);
    }

    [Fact]
    public async Task A_put_with_a_node_id_holding_a_dot_is_400_naming_the_node()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var (project, etag) = await GetProjectAsync(server.Api.Http, "demo");
        project.Pipelines[0].Nodes[0].Id = "num.bers";

        using var saved = await PutProjectAsync(server.Api.Http, project, etag);

        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        Assert.Contains("node 'num.bers': not a valid node id", await saved.Content.ReadAsStringAsync());
        Assert.Equal(etag, (await GetProjectAsync(server.Api.Http, "demo")).ETag);
    }

    [Fact]
    public async Task A_put_of_code_that_does_not_compile_is_stored_with_the_errors_listed()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var (project, etag) = await GetProjectAsync(server.Api.Http, "demo");
        project.Sources.Add(new SourceFile("operations/Draft.cs", "public class Draft {"));

        using var saved = await PutProjectAsync(server.Api.Http, project, etag);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var messages = (await BodyAsync(saved)).GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!);
        Assert.Contains(messages, m => m.Contains("operations/Draft.cs(1,", StringComparison.Ordinal));
    }
}
