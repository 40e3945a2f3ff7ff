using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DeepForge.Data;
using DeepForge.Dispatch;
using DeepForge.Models;
using DeepForge.Runner.Protocol;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>Runner requests need the protocol version header and a valid worker token; refused ones change nothing.</summary>
public sealed class AuthTests
{
    [Fact]
    public async Task A_lease_without_a_token_or_with_a_wrong_one_gets_401_and_the_job_stays_queued()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var started = await server.Api.StartAsync("demo", "single");
        await Eventually.GetAsync(() => server.Api.JobsAsync(started.Execution.Id), jobs => jobs.Count == 1, "the job to be queued");

        using var anonymous = Protocol(server.Raw());
        using var wrong = Protocol(server.Raw(), "dfw_not-a-token");
        using var noToken = await anonymous.PostAsJsonAsync("/api/v1/runners/lease", Lease("thief"), Json.Options);
        using var wrongToken = await wrong.PostAsJsonAsync("/api/v1/runners/lease", Lease("thief"), Json.Options);

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Contains("Authorization: Bearer", await noToken.Content.ReadAsStringAsync());
        Assert.Contains("not valid", await wrongToken.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", noToken.Content.Headers.ContentType?.MediaType);
        var job = Assert.Single(await server.Api.JobsAsync(started.Execution.Id));
        Assert.Equal((JobStatus.Queued, 0, (string?)null), (job.Status, job.Attempts, job.RunnerId));
    }

    [Fact]
    public async Task A_complete_with_a_wrong_worker_token_gets_401_and_the_job_stays_leased()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var worker = server.Worker("w");
        var started = await server.Api.StartAsync("demo", "single");
        var job = await worker.NextJobAsync();
        var values = await worker.UploadAsync(new[] { 1, 2, 3 });

        using var wrong = Protocol(server.Raw(), "dfw_wrong");
        using var response = await wrong.PostAsJsonAsync($"/api/v1/jobs/{job.JobId}/complete",
            new CompleteRequest(job.LeaseToken, new Dictionary<string, OutputValue> { ["values"] = values }), Json.Options);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(JobStatus.Leased, Assert.Single(await server.Api.JobsAsync(started.Execution.Id)).Status);
        Assert.Equal(ExecutionStatus.Running, (await server.Api.ExecutionAsync(started.Execution.Id)).Execution.Status);
    }

    [Fact]
    public async Task A_runner_request_without_the_protocol_header_or_with_another_version_gets_400()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var noHeader = server.Raw();
        noHeader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.WorkerToken);
        using var otherVersion = Protocol(server.Raw(), server.WorkerToken, version: "99");

        using var missing = await noHeader.PostAsJsonAsync("/api/v1/runners/lease", Lease("w"), Json.Options);
        using var unsupported = await otherVersion.PostAsJsonAsync("/api/v1/runners/lease", Lease("w"), Json.Options);
        using var blob = await noHeader.GetAsync($"/api/v1/blobs/{new string('a', 64)}");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains(RunnerProtocol.VersionHeader, await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unsupported.StatusCode);
        Assert.Contains("'99' is not supported", await unsupported.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, blob.StatusCode);
    }

    [Fact]
    public async Task Tokens_are_kept_only_as_hashes_and_configured_tokens_are_accepted()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory, o => o.WorkerTokens.Add("from-the-command-line"));
        var tokens = (WorkerTokens)server.Services.GetService(typeof(WorkerTokens))!;
        var store = (Storage.IDocumentStore)server.Services.GetService(typeof(Storage.IDocumentStore))!;

        var stored = await store.ListAsync("tokens", null);

        Assert.True(await tokens.IsValidAsync(server.WorkerToken));
        Assert.True(await tokens.IsValidAsync("from-the-command-line"));
        Assert.False(await tokens.IsValidAsync("from-the-command-line-not"));
        Assert.DoesNotContain(stored, d => d.Json.Contains(server.WorkerToken));
        Assert.Single(stored);
    }

    private static LeaseRequest Lease(string runner) => new(runner, ["cpu"], 1, WaitSeconds: 0);

    private static HttpClient Protocol(HttpClient http, string? token = null, string? version = null)
    {
        http.DefaultRequestHeaders.Add(RunnerProtocol.VersionHeader, version ?? RunnerProtocol.Version.ToString());
        if (token != null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
