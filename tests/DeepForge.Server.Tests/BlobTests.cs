using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>Blobs are checked against their hash as they arrive, and served with Range.</summary>
public sealed class BlobTests
{
    [Fact]
    public async Task A_blob_whose_content_does_not_match_its_hash_gets_400_naming_both_and_is_not_kept()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var worker = server.Worker("w");
        var claimed = Hash("what the worker meant to send"u8.ToArray());
        var sent = "something else"u8.ToArray();

        using var put = await worker.Http.PutAsync($"/api/v1/blobs/{claimed}", TestData.Upload(sent));
        using var get = await worker.Http.GetAsync($"/api/v1/blobs/{claimed}");
        using var head = await worker.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/v1/blobs/{Hash(sent)}"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var problem = await put.Content.ReadAsStringAsync();
        Assert.Contains(claimed, problem);
        Assert.Contains(Hash(sent), problem);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task A_large_blob_streams_in_and_out_and_a_range_gets_206_with_those_bytes()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var worker = server.Worker("w");
        var bytes = new byte[3 << 20];
        new Random(7).NextBytes(bytes);
        var hash = Hash(bytes);

        using var put = await worker.Http.PutAsync($"/api/v1/blobs/{hash}", TestData.Upload(bytes));
        using var again = await worker.Http.PutAsync($"/api/v1/blobs/{hash}", TestData.Upload(bytes));
        var whole = await worker.Http.GetByteArrayAsync($"/api/v1/blobs/{hash}");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/blobs/{hash}") { Headers = { Range = new RangeHeaderValue(1_000_000, 1_000_099) } };
        using var part = await worker.Http.SendAsync(request);
        using var head = await worker.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/v1/blobs/{hash}"));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(bytes, whole);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes[1_000_000..1_000_100], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal(bytes.Length, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task A_blob_name_that_is_not_a_hash_gets_400()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var worker = server.Worker("w");

        using var put = await worker.Http.PutAsync("/api/v1/blobs/..%2F..%2Fetc%2Fpasswd", TestData.Upload([1, 2, 3]));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("not a blob hash", await put.Content.ReadAsStringAsync());
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
