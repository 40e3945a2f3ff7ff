using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary>One server process, no workers: the test speaks the runner protocol itself, as a worker would.</summary>
public sealed class RefusalServer : IAsyncLifetime
{
    public const string Project = "refuse";

    internal Cluster Cluster { get; } = new();

    internal ServerApi Api => Cluster.Api;

    public async Task InitializeAsync()
    {
        var counter = Cluster.Temp["counter.txt"];
        var seed = new SeedFolder(Cluster.Temp["seed"]).WithOperations(DistributedOperations.FileName, DistributedOperations.Source);
        // Each test's jobs need a label of their own, so no other test's lease takes them.
        foreach (var lane in new[] { "missing", "wrong" })
            seed.WithPipeline(new PipelineJson(lane).Operation("only", "Hold", new { counter, name = lane }).Labels("only", $"lane-{lane}"));
        seed.WithPipeline(new PipelineJson("pair")
            .Operation("x", "Hold", new { counter, name = "x" }).Labels("x", "lane-pair")
            .Operation("y", "Hold", new { counter, name = "y" }).Labels("y", "lane-pair"));
        Cluster.CreateProject(Project, seed);
        await Cluster.StartServerAsync();
    }

    public Task DisposeAsync()
    {
        Cluster.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Bad requests to the server are refused with a clear error, and nothing stored changes.</summary>
[Collection(DistributedCollection.Name)]
public sealed class RefusalTests(RefusalServer server) : IClassFixture<RefusalServer>
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);
    private readonly ServerApi _api = server.Api;

    [Fact]
    public async Task Lease_WithoutAWorkerToken_IsRefusedWith401AndTheJobStaysQueued()
    {
        var execution = await StartQueuedAsync("missing");

        var (status, body) = await _api.SendAsync(Lease("no-token-runner", "lane-missing", token: null));

        Assert.True(status == HttpStatusCode.Unauthorized, $"{(int)status} {body}");
        Assert.Contains("no worker token", ServerApi.Detail(body));
        await AssertStillQueuedAsync(execution, "no-token-runner");
    }

    [Fact]
    public async Task Lease_WithAWrongWorkerToken_IsRefusedWith401AndTheJobStaysQueued()
    {
        var execution = await StartQueuedAsync("wrong");

        var (status, body) = await _api.SendAsync(Lease("wrong-token-runner", "lane-wrong", token: "dfw_" + new string('x', 43)));

        Assert.True(status == HttpStatusCode.Unauthorized, $"{(int)status} {body}");
        Assert.Contains("worker token is not valid", ServerApi.Detail(body));
        await AssertStillQueuedAsync(execution, "wrong-token-runner");
    }

    [Fact]
    public async Task StartExecution_WithMalformedJson_IsRefusedWith400NamingTheProblemAndCreatesNoExecution()
    {
        var before = await _api.ExecutionsAsync(RefusalServer.Project);

        using var response = await _api.Http.PostAsync($"/api/v1/projects/{RefusalServer.Project}/executions",
            new StringContent("{\"pipeline\": \"pair\", \"inputs\": {", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Contains("not a valid JSON", ServerApi.Detail(body));
        Assert.Equal(before, await _api.ExecutionsAsync(RefusalServer.Project));
    }

    [Fact]
    public async Task BlobUpload_WhoseContentHasAnotherHash_IsRefusedWith400AndNoBlobIsStored()
    {
        var claimed = ServerApi.Sha256("what the hash says"u8.ToArray());
        var content = "what was sent instead"u8.ToArray();

        var (status, body) = await _api.SendAsync(ServerApi.Runner(HttpMethod.Put, $"/api/v1/blobs/{claimed}", server.Cluster.Token, Bytes(content)));

        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status} {body}");
        Assert.Contains("does not match its hash", ServerApi.Detail(body));
        Assert.Equal(HttpStatusCode.NotFound, (await _api.SendAsync(ServerApi.Runner(HttpMethod.Get, $"/api/v1/blobs/{claimed}", server.Cluster.Token))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.SendAsync(ServerApi.Runner(HttpMethod.Get, $"/api/v1/blobs/{ServerApi.Sha256(content)}", server.Cluster.Token))).Status);
    }

    [Fact]
    public async Task Complete_WithTheLeaseTokenOfAnotherWorker_IsRefusedWith409AndTheJobStaysWithItsWorker()
    {
        var execution = await _api.StartAsync(RefusalServer.Project, "pair");
        var first = await LeaseAsync("pair-runner-1");
        var second = await LeaseAsync("pair-runner-2");
        var value = "2"u8.ToArray();
        var hash = ServerApi.Sha256(value);
        var (uploaded, uploadBody) = await _api.SendAsync(ServerApi.Runner(HttpMethod.Put, $"/api/v1/blobs/{hash}", server.Cluster.Token, Bytes(value)));
        Assert.True(uploaded is HttpStatusCode.Created or HttpStatusCode.OK, uploadBody);

        // The second worker reports the first worker's job done, with its own (valid, for its own job) lease token.
        var (status, body) = await _api.SendAsync(ServerApi.Runner(HttpMethod.Post, $"/api/v1/jobs/{first.JobId}/complete", server.Cluster.Token,
            ServerApi.Json(new { leaseToken = second.LeaseToken, outputs = new { value = new { dataType = "System.Int32", hash, size = value.Length } } })));

        Assert.True(status == HttpStatusCode.Conflict, $"{(int)status} {body}");
        Assert.Contains("this token is not the job's lease (runner 'pair-runner-1' holds it with another token)", ServerApi.Detail(body));
        Assert.DoesNotContain("expired", ServerApi.Detail(body));
        var job = (await _api.JobsAsync(execution)).Single(j => j.Id == first.JobId);
        Assert.Equal(("leased", "pair-runner-1", 1), (job.Status, job.RunnerId, job.Attempts));
        var view = await _api.ExecutionAsync(execution);
        Assert.Equal("running", view.Status);
        Assert.Equal(0, view.Json.GetProperty("nodes").EnumerateArray().Sum(n => n.GetProperty("outputs").EnumerateObject().Count()));
        Assert.DoesNotContain(await _api.ArtifactsAsync(RefusalServer.Project), a => a.ExecutionId == execution);
    }

    [Fact]
    public async Task ArtifactUpload_NamedLikeAPath_IsRefusedWith400AndNoArtifactIsListed()
    {
        var before = await _api.ArtifactsAsync(RefusalServer.Project);
        var content = "root:x:0:0:root:/root:/bin/bash\n"u8.ToArray();

        using var response = await _api.Http.PostAsync($"/api/v1/projects/{RefusalServer.Project}/artifacts?name={Uri.EscapeDataString("../../etc/passwd")}", Bytes(content));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Contains("'../../etc/passwd' is not an artifact name", ServerApi.Detail(body));
        Assert.Equal(before, await _api.ArtifactsAsync(RefusalServer.Project));
        Assert.Equal(HttpStatusCode.NotFound, (await _api.SendAsync(ServerApi.Runner(HttpMethod.Get, $"/api/v1/blobs/{ServerApi.Sha256(content)}", server.Cluster.Token))).Status);
    }

    private async Task<string> StartQueuedAsync(string pipeline)
    {
        var execution = await _api.StartAsync(RefusalServer.Project, pipeline);
        await Poll.UntilAsync(async () => await _api.JobOfAsync(execution, "only") is { Status: "queued" }, Bound, () => $"no queued job\n{server.Cluster.Describe()}");
        return execution;
    }

    private async Task AssertStillQueuedAsync(string execution, string refusedRunner)
    {
        var job = await _api.JobOfAsync(execution, "only");
        Assert.Equal(("queued", (string?)null, 0), (job!.Status, job.RunnerId, job.Attempts));
        Assert.DoesNotContain(await _api.RunnersAsync(), r => r.Id == refusedRunner);
    }

    private static HttpRequestMessage Lease(string runnerId, string lane, string? token) =>
        ServerApi.Runner(HttpMethod.Post, "/api/v1/runners/lease", token, ServerApi.Json(new { runnerId, labels = new[] { "cpu", lane }, slots = 1, waitSeconds = 0 }));

    // Long-polls again until a job comes: on a loaded machine queueing can take longer than one poll.
    private async Task<(string JobId, string LeaseToken)> LeaseAsync(string runnerId)
    {
        var (status, body) = (HttpStatusCode.NoContent, "");
        for (var attempt = 0; attempt < 9 && status == HttpStatusCode.NoContent; attempt++)
        {
            var request = ServerApi.Runner(HttpMethod.Post, "/api/v1/runners/lease", server.Cluster.Token,
                ServerApi.Json(new { runnerId, labels = new[] { "cpu", "lane-pair" }, slots = 1, waitSeconds = 10 }));
            (status, body) = await _api.SendAsync(request);
        }
        Assert.True(status == HttpStatusCode.OK, $"{runnerId} got no job: {(int)status} {body}");
        var job = System.Text.Json.JsonDocument.Parse(body).RootElement;
        return (job.GetProperty("jobId").GetString()!, job.GetProperty("leaseToken").GetString()!);
    }

    private static ByteArrayContent Bytes(byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return body;
    }
}
