using System.Net;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>server.maxUploadBytes caps artifact and blob uploads: a larger one is refused in one line and leaves nothing behind.</summary>
public sealed class UploadLimitTests
{
    [Fact]
    public async Task An_artifact_upload_over_the_limit_gets_413_naming_the_setting_and_stores_nothing()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory, o => o.MaxUploadBytes = 1024);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var blobsBefore = BlobFiles(data.Directory);

        using var response = await server.Api.Http.PostAsync("/api/v1/projects/demo/artifacts?name=big", TestData.Upload(new byte[64 * 1024]));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("server.maxUploadBytes", body);
        Assert.Contains("1024 bytes", body);
        Assert.DoesNotContain("   at ", body);
        Assert.Empty(await server.Api.ArtifactsAsync("demo"));
        Assert.Equal(blobsBefore, BlobFiles(data.Directory));
    }

    [Fact]
    public async Task An_artifact_upload_within_the_limit_is_stored()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory, o => o.MaxUploadBytes = 1024);
        await server.Api.SaveProjectAsync(TestProjects.Create());

        using var response = await server.Api.Http.PostAsync("/api/v1/projects/demo/artifacts?name=small", TestData.Upload(new byte[1024]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1024, Assert.Single(await server.Api.ArtifactsAsync("demo")).Size);
    }

    private static string[] BlobFiles(string dataDirectory)
    {
        var blobs = Path.Combine(dataDirectory, "blob");
        return Directory.Exists(blobs) ? Directory.GetFiles(blobs, "*", SearchOption.AllDirectories).Order().ToArray() : [];
    }
}
