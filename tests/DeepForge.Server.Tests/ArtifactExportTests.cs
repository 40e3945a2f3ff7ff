using System.Net;
using System.Net.Http.Json;
using DeepForge.Models;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>
/// GET .../artifacts/{artifact}/export?format= on a server without DeepForge.Torch: the route answers every refusal
/// with its reason (exports that succeed, with the Torch plugin, are tested through the command and the designer).
/// </summary>
public sealed class ArtifactExportTests
{
    [Fact]
    public async Task Export_without_a_format_gets_400_saying_to_pass_one()
    {
        await using var setup = await StartWithFileAsync();

        var (status, body) = await GetAsync(setup.Server, $"/api/v1/projects/demo/artifacts/{setup.Artifact.Id}/export");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("the export format is missing: pass ?format=", body);
    }

    [Fact]
    public async Task Export_in_a_format_no_plugin_writes_gets_400_naming_the_format()
    {
        await using var setup = await StartWithFileAsync();

        var (status, body) = await GetAsync(setup.Server, $"/api/v1/projects/demo/artifacts/{setup.Artifact.Id}/export?format=onnx");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'onnx' is not an export format; none is installed (models need DeepForge.Torch)", body);
    }

    [Fact]
    public async Task Export_of_an_artifact_the_project_does_not_have_gets_404()
    {
        await using var setup = await StartWithFileAsync();

        var (status, body) = await GetAsync(setup.Server, "/api/v1/projects/demo/artifacts/nothing/export?format=onnx");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("project 'demo' has no artifact 'nothing'", body);
    }

    [Fact]
    public async Task Export_in_a_project_that_does_not_exist_gets_404()
    {
        await using var setup = await StartWithFileAsync();

        var (status, _) = await GetAsync(setup.Server, $"/api/v1/projects/elsewhere/artifacts/{setup.Artifact.Id}/export?format=onnx");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private static async Task<(HttpStatusCode, string)> GetAsync(ServerHost server, string path)
    {
        using var response = await server.Api.Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<Setup> StartWithFileAsync()
    {
        var data = new TestData();
        var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var response = await server.Api.Http.PostAsync("/api/v1/projects/demo/artifacts?name=dataset", TestData.Upload([1, 2, 3]));
        response.EnsureSuccessStatusCode();
        return new Setup(data, server, (await response.Content.ReadFromJsonAsync<ArtifactRecord>())!);
    }

    private sealed record Setup(TestData Data, ServerHost Server, ArtifactRecord Artifact) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            Data.Dispose();
        }
    }
}
