using System.Net;
using System.Net.Http.Json;
using DeepForge.Blobs;
using DeepForge.Data;
using DeepForge.Models;
using DeepForge.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Server.Tests;

/// <summary>Deleted artifacts give their blobs back, blobs still used stay, and a damaged blob is never served.</summary>
public sealed class BlobCollectionTests
{
    private static byte[] Content(int seed)
    {
        var bytes = new byte[64_000];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<ArtifactRecord> UploadAsync(ServerHost server, string name, byte[] bytes)
    {
        using var response = await server.Api.Http.PostAsync($"/api/v1/projects/demo/artifacts?name={name}", TestData.Upload(bytes));
        await ApiClient.Expect(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<ArtifactRecord>(Json.Options))!;
    }

    private static async Task DeleteAsync(ServerHost server, ArtifactRecord artifact)
    {
        using var response = await server.Api.Http.DeleteAsync($"/api/v1/projects/demo/artifacts/{artifact.Id}");
        await ApiClient.Expect(response, HttpStatusCode.NoContent);
    }

    private static string BlobFile(string dataDirectory, string hash) => Path.Combine(dataDirectory, "blob", hash[..2], hash);

    [Fact]
    public async Task Deleting_an_artifact_and_collecting_frees_its_blob_and_keeps_a_blob_another_artifact_uses()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory, o => o.BlobCollectionInterval = TimeSpan.Zero);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var alone = await UploadAsync(server, "alone", Content(1));
        var first = await UploadAsync(server, "first", Content(2));
        await UploadAsync(server, "second", Content(2));
        await DeleteAsync(server, alone);
        await DeleteAsync(server, first);
        Assert.True(File.Exists(BlobFile(data.Directory, alone.Hash))); // deleting the record leaves the blob to the collector

        var result = await server.Services.GetRequiredService<BlobCollector>().CollectAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal([alone.Hash], result.Freed.Select(b => b.Hash));
        Assert.False(File.Exists(BlobFile(data.Directory, alone.Hash)));
        Assert.Equal(Content(2), await server.Api.Http.GetByteArrayAsync("/api/v1/projects/demo/artifacts/second/content"));
    }

    [Fact]
    public async Task The_server_collects_in_the_background_the_blob_of_a_deleted_artifact()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory, o => o.BlobCollectionInterval = TimeSpan.FromMilliseconds(200),
            engine: e => e.BlobGracePeriod = TimeSpan.FromSeconds(2)); // a zero grace period would free a blob between its upload and its artifact's record
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var kept = await UploadAsync(server, "kept", Content(3));
        var gone = await UploadAsync(server, "gone", Content(4));

        await DeleteAsync(server, gone);

        await Eventually.GetAsync(() => Task.FromResult(File.Exists(BlobFile(data.Directory, gone.Hash))), exists => !exists, "the deleted artifact's blob to be collected");
        Assert.True(File.Exists(BlobFile(data.Directory, kept.Hash)));
    }

    [Fact]
    public async Task A_damaged_blob_gets_409_saying_what_its_bytes_hash_to_and_an_upload_of_the_right_bytes_heals_it()
    {
        using var data = new TestData();
        var hash = await StoreDamagedAsync(data, Content(5));
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var worker = server.Worker("w");

        using var damaged = await worker.Http.GetAsync($"/api/v1/blobs/{hash}");
        using var healing = await worker.Http.PutAsync($"/api/v1/blobs/{hash}", TestData.Upload(Content(5)));
        var healed = await worker.Http.GetByteArrayAsync($"/api/v1/blobs/{hash}");

        Assert.Equal(HttpStatusCode.Conflict, damaged.StatusCode);
        Assert.Equal("application/problem+json", damaged.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"blob {hash} is damaged: its bytes hash to ", await damaged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, healing.StatusCode);
        Assert.Equal(Content(5), healed);
    }

    [Fact]
    public async Task Downloading_an_artifact_whose_blob_is_damaged_gets_409_and_never_the_damaged_bytes()
    {
        using var data = new TestData();
        ArtifactRecord artifact;
        await using (var first = await ServerHost.StartAsync(data.Directory))
        {
            await first.Api.SaveProjectAsync(TestProjects.Create());
            artifact = await UploadAsync(first, "dataset", Content(6));
        }
        Tear(BlobFile(data.Directory, artifact.Hash));
        await using var server = await ServerHost.StartAsync(data.Directory);

        using var response = await server.Api.Http.GetAsync($"/api/v1/projects/demo/artifacts/{artifact.Id}/content");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"blob {artifact.Hash} is damaged", await response.Content.ReadAsStringAsync());
    }

    // Stored by one server process, torn on disk while none runs: the next process checks it on first read.
    private static async Task<string> StoreDamagedAsync(TestData data, byte[] content)
    {
        string hash;
        await using (var server = await ServerHost.StartAsync(data.Directory))
        {
            using var worker = server.Worker("w");
            hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
            using var put = await worker.Http.PutAsync($"/api/v1/blobs/{hash}", TestData.Upload(content));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }
        Tear(BlobFile(data.Directory, hash));
        return hash;
    }

    private static void Tear(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[1000] ^= 0xff;
        File.Delete(path); // read-only: replaced, as a disk fault would leave other bytes under the name
        File.WriteAllBytes(path, bytes);
    }
}
