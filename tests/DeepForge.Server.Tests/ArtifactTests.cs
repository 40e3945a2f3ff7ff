using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DeepForge.Data;
using DeepForge.Models;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>Artifacts: upload streamed, names checked before anything is stored, Range downloads, deletes refused while read.</summary>
public sealed class ArtifactTests
{
    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..")]
    [InlineData("a\\b")]
    public async Task A_path_like_artifact_name_gets_400_and_nothing_is_stored(string name)
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var blobsBefore = BlobFiles(data.Directory);

        using var response = await server.Api.Http.PostAsync($"/api/v1/projects/demo/artifacts?name={Uri.EscapeDataString(name)}", TestData.Upload(new byte[2 << 20]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not an artifact name", await response.Content.ReadAsStringAsync());
        Assert.Empty(await server.Api.ArtifactsAsync("demo"));
        Assert.Equal(blobsBefore, BlobFiles(data.Directory));
        Assert.False(File.Exists(Path.Combine(data.Directory, "..", "..", "etc", "passwd")));
    }

    [Fact]
    public async Task An_uploaded_artifact_downloads_whole_and_by_range()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray();

        var artifact = await UploadAsync(server, "dataset", bytes);
        var whole = await server.Api.Http.GetByteArrayAsync($"/api/v1/projects/demo/artifacts/{artifact.Id}/content");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/projects/demo/artifacts/dataset/content") { Headers = { Range = new RangeHeaderValue(100, 199) } };
        using var part = await server.Api.Http.SendAsync(request);

        Assert.Equal(bytes, whole);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("bytes 100-199/5000", part.Content.Headers.ContentRange?.ToString());
        Assert.Equal(bytes[100..200], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal(5000, artifact.Size);
    }

    [Fact]
    public async Task Deleting_an_artifact_an_input_node_reads_is_refused_with_the_reason_until_the_pipeline_no_longer_reads_it()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var artifact = await UploadAsync(server, "dataset", [1, 2, 3]);

        using var refused = await server.Api.Http.DeleteAsync($"/api/v1/projects/demo/artifacts/{artifact.Id}");
        var stillThere = await server.Api.ArtifactsAsync("demo");
        var (_, etag) = await Versions.VersionedApi.GetPipelineAsync(server.Api.Http, "demo", "reads");
        using var removePipeline = await Versions.VersionedApi.DeletePipelineAsync(server.Api.Http, "demo", "reads", etag);
        using var deleted = await server.Api.Http.DeleteAsync($"/api/v1/projects/demo/artifacts/{artifact.Id}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Input node 'data' of pipeline 'reads'", await refused.Content.ReadAsStringAsync());
        Assert.Single(stillThere);
        Assert.Equal(HttpStatusCode.NoContent, removePipeline.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await server.Api.ArtifactsAsync("demo"));
    }

    [Fact]
    public async Task An_older_artifact_of_a_name_an_input_node_reads_may_be_deleted()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var older = await UploadAsync(server, "dataset", [1]);
        await Task.Delay(20); // a later creation time: the newest of a name is the one read
        var newer = await UploadAsync(server, "dataset", [2]);

        using var deleteOlder = await server.Api.Http.DeleteAsync($"/api/v1/projects/demo/artifacts/{older.Id}");
        using var deleteNewer = await server.Api.Http.DeleteAsync($"/api/v1/projects/demo/artifacts/{newer.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleteOlder.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, deleteNewer.StatusCode);
    }

    private static async Task<ArtifactRecord> UploadAsync(ServerHost server, string name, byte[] bytes)
    {
        using var response = await server.Api.Http.PostAsync($"/api/v1/projects/demo/artifacts?name={name}", TestData.Upload(bytes));
        await ApiClient.Expect(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<ArtifactRecord>(Json.Options))!;
    }

    private static string[] BlobFiles(string dataDirectory)
    {
        var blobs = Path.Combine(dataDirectory, "blob");
        return Directory.Exists(blobs) ? Directory.GetFiles(blobs, "*", SearchOption.AllDirectories).Order().ToArray() : [];
    }
}
